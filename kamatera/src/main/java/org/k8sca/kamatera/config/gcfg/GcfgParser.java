package org.k8sca.kamatera.config.gcfg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads gcfg text the way go-gcfg's scanner and reader do (gopkg.in/gcfg.v1, reader variant).
 *
 * <p>Rules reproduced, each because a file that works with the Go autoscaler must mean the same
 * here:
 *
 * <ul>
 *   <li>Section and variable names start with a letter and go on with letters, digits and {@code
 *       -}; a subsection is a double-quoted string allowing only the escapes {@code \"} and {@code
 *       \\}; an empty subsection ({@code [s ""]}) is an error.
 *   <li>{@code ;} and {@code #} start a comment, also in the middle of an unquoted value.
 *   <li>Whitespace around a value is dropped; quotes may enclose all or part of a value and are
 *       removed; inside quotes the escapes {@code \"}, {@code \\}, {@code \n} and {@code \t} are
 *       decoded and a quote may not run past the end of the line.
 *   <li>Outside quotes a backslash must be followed by a newline (the line continues, keeping the
 *       next line's leading whitespace) or by {@code "} (a literal quote).
 *   <li>Carriage returns in values are dropped, so CRLF files read like LF files.
 *   <li>A name without {@code =} is a "blank" entry, different from an empty value.
 * </ul>
 *
 * go-gcfg stops at the first syntax error; this parser records it and goes on with the next line,
 * so a user sees every broken line at once.
 */
public final class GcfgParser {
    private static final int EOF = -1;

    private final int[] src;
    private int pos;
    private int line = 1;

    private final List<GcfgSection> sections = new ArrayList<>();
    private final List<GcfgSyntaxError> errors = new ArrayList<>();

    /** The section being filled; null before the first header. */
    private SectionBuilder current;

    /** True after a header that could not be read: its entries are dropped without more errors. */
    private boolean inBrokenSection;

    private GcfgParser(String text) {
        this.src = text.codePoints().toArray();
    }

    /**
     * Reads the whole text; never throws for bad input, see {@link GcfgDocument#syntaxErrors()}.
     */
    public static GcfgDocument parse(String text) {
        GcfgParser parser = new GcfgParser(text);
        parser.run();
        return parser.document();
    }

    private GcfgDocument document() {
        List<GcfgSyntaxError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(GcfgSyntaxError::line));
        return new GcfgDocument(sections, sorted);
    }

    private void run() {
        reportNulCharacters();
        while (true) {
            skipWhitespace();
            int ch = peek();
            if (ch == EOF) {
                break;
            }
            if (ch == '\n') {
                advance();
            } else if (ch == ';' || ch == '#') {
                skipRestOfLine();
            } else if (ch == '[') {
                if (!readHeader()) {
                    finishSection();
                    inBrokenSection = true;
                    skipRestOfLine();
                }
            } else if (isLetter(ch)) {
                if (!readVariable()) {
                    skipRestOfLine();
                }
            } else {
                String expected =
                        current == null && !inBrokenSection
                                ? "expected section header"
                                : "expected section header or variable declaration";
                error(unexpected(ch, expected));
                skipRestOfLine();
            }
        }
        finishSection();
    }

    /** go-gcfg rejects the NUL character anywhere in the file. */
    private void reportNulCharacters() {
        int l = 1;
        for (int c : src) {
            if (c == 0) {
                errors.add(new GcfgSyntaxError(l, "illegal character NUL"));
            } else if (c == '\n') {
                l++;
            }
        }
    }

    /** Reads {@code [name]} or {@code [name "sub"]}; false (error recorded) when malformed. */
    private boolean readHeader() {
        int headerLine = line;
        advance(); // '['
        skipWhitespace();
        if (!isLetter(peek())) {
            error(unexpected(peek(), "expected section name"));
            return false;
        }
        String name = readIdentifier();
        skipWhitespace();
        String subsection = null;
        if (peek() == '"') {
            advance();
            subsection = readSubsectionName();
            if (subsection == null) {
                return false;
            }
            if (subsection.isEmpty()) {
                error("empty subsection name");
                return false;
            }
            skipWhitespace();
        }
        if (peek() != ']') {
            error(
                    unexpected(
                            peek(),
                            subsection == null
                                    ? "expected subsection name or right bracket"
                                    : "expected right bracket"));
            return false;
        }
        advance();
        skipWhitespace();
        if (!atEndOfStatement()) {
            error(unexpected(peek(), "expected EOL, EOF, or comment"));
            return false;
        }
        finishSection();
        inBrokenSection = false;
        current = new SectionBuilder(name, subsection, headerLine);
        return true;
    }

    /** After the opening quote; null (error recorded) when not terminated or badly escaped. */
    private String readSubsectionName() {
        StringBuilder name = new StringBuilder();
        while (true) {
            int ch = peek();
            if (ch == EOF || ch == '\n') {
                error("string not terminated");
                return null;
            }
            advance();
            if (ch == '"') {
                return name.toString();
            }
            if (ch == '\\') {
                int escaped = peek();
                if (escaped != '"' && escaped != '\\') {
                    error("unknown escape sequence");
                    return null;
                }
                advance();
                name.appendCodePoint(escaped);
            } else {
                name.appendCodePoint(ch);
            }
        }
    }

    /** Reads {@code name}, {@code name = value}; false (error recorded) when malformed. */
    private boolean readVariable() {
        int entryLine = line;
        String name = readIdentifier();
        if (current == null && !inBrokenSection) {
            error("expected section header");
            return false;
        }
        skipWhitespace();
        if (atEndOfStatement()) {
            addEntry(new GcfgEntry(name, null, entryLine, false));
            return true;
        }
        if (peek() != '=') {
            error(unexpected(peek(), "expected '='"));
            return false;
        }
        advance();
        skipWhitespace();
        return readValue(name, entryLine);
    }

    /**
     * Reads a value up to the end of the line or an unquoted comment, decoding quotes, escapes and
     * continuations. Trailing unquoted whitespace is dropped: it is held back in {@code pending}
     * and only kept when more value text follows.
     */
    private boolean readValue(String name, int entryLine) {
        StringBuilder value = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        boolean inQuote = false;
        while (true) {
            int ch = peek();
            if (!inQuote && (ch == EOF || ch == '\n' || ch == ';' || ch == '#')) {
                boolean cut = (ch == ';' || ch == '#') && commentIsGluedToValue();
                addEntry(new GcfgEntry(name, value.toString(), entryLine, cut));
                return true;
            }
            if (ch == EOF || ch == '\n') {
                error("string not terminated");
                return false;
            }
            advance();
            if (ch == '\r') {
                continue;
            }
            if (ch == '\\') {
                if (inQuote) {
                    int escaped = peek();
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case '"', '\\' -> value.appendCodePoint(escaped);
                        default -> {
                            error("unknown escape sequence");
                            return false;
                        }
                    }
                    advance();
                } else {
                    if (peek() == '\r') {
                        advance();
                    }
                    int next = peek();
                    if (next != '\n' && next != '"') {
                        error("unquoted '\\' must be followed by new line or double quote");
                        return false;
                    }
                    value.append(pending);
                    pending.setLength(0);
                    advance();
                    if (next == '"') {
                        value.append('"');
                    }
                }
                continue;
            }
            if (ch == '"') {
                value.append(pending);
                pending.setLength(0);
                inQuote = !inQuote;
            } else if (inQuote) {
                value.appendCodePoint(ch);
            } else if (ch == ' ' || ch == '\t') {
                pending.appendCodePoint(ch);
            } else {
                value.append(pending);
                pending.setLength(0);
                value.appendCodePoint(ch);
            }
        }
    }

    /**
     * True when the character before the comment sign is neither whitespace nor a closing quote.
     */
    private boolean commentIsGluedToValue() {
        int before = src[pos - 1];
        return !(before == ' '
                || before == '\t'
                || before == '\r'
                || before == '\n'
                || before == '"');
    }

    private void addEntry(GcfgEntry entry) {
        if (current != null) {
            current.entries.add(entry);
        }
    }

    private void finishSection() {
        if (current != null) {
            sections.add(
                    new GcfgSection(
                            current.name, current.subsection, current.line, current.entries));
            current = null;
        }
    }

    private boolean atEndOfStatement() {
        int ch = peek();
        return ch == EOF || ch == '\n' || ch == ';' || ch == '#';
    }

    private String readIdentifier() {
        StringBuilder id = new StringBuilder();
        while (isLetter(peek()) || isDigit(peek()) || peek() == '-') {
            id.appendCodePoint(peek());
            advance();
        }
        return id.toString();
    }

    private void skipWhitespace() {
        while (peek() == ' ' || peek() == '\t' || peek() == '\r') {
            advance();
        }
    }

    private void skipRestOfLine() {
        while (peek() != EOF && peek() != '\n') {
            advance();
        }
    }

    private int peek() {
        return pos < src.length ? src[pos] : EOF;
    }

    private void advance() {
        if (pos < src.length) {
            if (src[pos] == '\n') {
                line++;
            }
            pos++;
        }
    }

    private void error(String message) {
        errors.add(new GcfgSyntaxError(line, message));
    }

    /**
     * The message for a token that is not what the grammar wants here: go-gcfg's scanner reports
     * characters that cannot start any token as illegal before the reader can say what it expected.
     */
    private static String unexpected(int ch, String expected) {
        boolean startsAToken =
                ch == EOF
                        || ch == '\n'
                        || ch == '"'
                        || ch == '['
                        || ch == ']'
                        || ch == '='
                        || ch == ';'
                        || ch == '#'
                        || isLetter(ch);
        return startsAToken ? expected : "illegal character " + goUnicode(ch);
    }

    /** Go's {@code %#U}: {@code U+0031 '1'}, without the quoted glyph when not printable. */
    static String goUnicode(int ch) {
        String code = String.format("U+%04X", ch);
        return isPrintable(ch) ? code + " '" + new String(Character.toChars(ch)) + "'" : code;
    }

    private static boolean isPrintable(int ch) {
        if (ch == ' ') {
            return true;
        }
        return switch (Character.getType(ch)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL ->
                    true;
            default -> false;
        };
    }

    private static boolean isLetter(int ch) {
        return ch >= 'a' && ch <= 'z'
                || ch >= 'A' && ch <= 'Z'
                || ch >= 0x80 && Character.isLetter(ch);
    }

    private static boolean isDigit(int ch) {
        return ch >= '0' && ch <= '9' || ch >= 0x80 && Character.isDigit(ch);
    }

    private static final class SectionBuilder {
        final String name;
        final String subsection;
        final int line;
        final List<GcfgEntry> entries = new ArrayList<>();

        SectionBuilder(String name, String subsection, int line) {
            this.name = name;
            this.subsection = subsection;
            this.line = line;
        }
    }
}
