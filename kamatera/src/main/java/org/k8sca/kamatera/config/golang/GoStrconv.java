package org.k8sca.kamatera.config.golang;

/** Go's {@code strconv.Atoi}, {@code strconv.ParseBool} and {@code strconv.Quote}. */
public final class GoStrconv {
    private GoStrconv() {}

    /**
     * {@code strconv.Atoi} on a 64-bit platform: base 10, an optional {@code +} or {@code -},
     * digits only (no underscores, no hex, no spaces), within the range of a Go {@code int} (64
     * bits).
     */
    public static long atoi(String s) throws GoParseException {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == s.length()) {
            throw new GoParseException(atoiError(s, "invalid syntax"));
        }
        long value = 0;
        boolean overflow = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new GoParseException(atoiError(s, "invalid syntax"));
            }
            int digit = c - '0';
            // Accumulate as a negative number so that Long.MIN_VALUE fits.
            if (!overflow) {
                if (value < (Long.MIN_VALUE + digit) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 - digit;
                }
            }
        }
        if (overflow || !negative && value == Long.MIN_VALUE) {
            throw new GoParseException(atoiError(s, "value out of range"));
        }
        return negative ? value : -value;
    }

    private static String atoiError(String s, String reason) {
        return "strconv.Atoi: parsing " + quote(s) + ": " + reason;
    }

    /** {@code strconv.ParseBool}: only 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
    public static boolean parseBool(String s) throws GoParseException {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default ->
                    throw new GoParseException(
                            "strconv.ParseBool: parsing " + quote(s) + ": invalid syntax");
        };
    }

    /** {@code strconv.Quote} / {@code %q}: a double-quoted Go string literal. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints()
                .forEach(
                        c -> {
                            switch (c) {
                                case '"' -> out.append("\\\"");
                                case '\\' -> out.append("\\\\");
                                case 7 -> out.append("\\a");
                                case '\b' -> out.append("\\b");
                                case '\f' -> out.append("\\f");
                                case '\n' -> out.append("\\n");
                                case '\r' -> out.append("\\r");
                                case '\t' -> out.append("\\t");
                                case 11 -> out.append("\\v");
                                default -> {
                                    if (c < ' ' || c == 0x7f) {
                                        out.append(String.format("\\x%02x", c));
                                    } else if (isPrint(c)) {
                                        out.appendCodePoint(c);
                                    } else if (c < 0x10000) {
                                        out.append(String.format("\\u%04x", c));
                                    } else {
                                        out.append(String.format("\\U%08x", c));
                                    }
                                }
                            }
                        });
        return out.append('"').toString();
    }

    /**
     * Go's {@code %#q}: a back-quoted raw string when Go can write it so (no back quote, no control
     * character other than tab), else the same as {@link #quote}.
     */
    public static String backquote(String s) {
        boolean canBackquote =
                s.codePoints()
                        .allMatch(
                                c ->
                                        c == '\t'
                                                || (c >= ' '
                                                        && c != '`'
                                                        && c != 0x7f
                                                        && c != 0xFEFF
                                                        && !Character.isSurrogate((char) c)));
        return canBackquote ? "`" + s + "`" : quote(s);
    }

    private static boolean isPrint(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR ->
                    c == ' ';
            default -> true;
        };
    }
}
