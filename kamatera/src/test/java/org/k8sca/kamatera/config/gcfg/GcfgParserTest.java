package org.k8sca.kamatera.config.gcfg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/** go-gcfg's syntax rules (java-stack.md §2, kamatera-provider.md §1.2), one by one. */
class GcfgParserTest {

    private static GcfgDocument parse(String text) {
        return GcfgParser.parse(text);
    }

    /** The single entry of the single section of a valid document. */
    private static GcfgEntry onlyEntry(String text) {
        GcfgDocument doc = parse(text);
        assertThat(doc.syntaxErrors()).isEmpty();
        assertThat(doc.sections()).hasSize(1);
        assertThat(doc.sections().get(0).entries()).hasSize(1);
        return doc.sections().get(0).entries().get(0);
    }

    private static String value(String line) {
        return onlyEntry("[s]\n" + line + "\n").value();
    }

    private static List<GcfgSyntaxError> errors(String text) {
        return parse(text).syntaxErrors();
    }

    @Test
    void sectionsSubsectionsAndLines() {
        GcfgDocument doc =
                parse(
                        "; comment\n"
                                + "[Global]\n"
                                + "a=1\n\n"
                                + "[NODEGROUP \"Ng 1\"]\n"
                                + "  b = 2\n"
                                + "[ nodegroup\"x\" ] # c\n");
        assertThat(doc.syntaxErrors()).isEmpty();
        assertThat(doc.sections())
                .extracting(GcfgSection::name, GcfgSection::subsection, GcfgSection::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Global", null, 2),
                        org.assertj.core.groups.Tuple.tuple("NODEGROUP", "Ng 1", 5),
                        org.assertj.core.groups.Tuple.tuple("nodegroup", "x", 7));
        assertThat(doc.sections().get(1).entries())
                .containsExactly(new GcfgEntry("b", "2", 6, false));
    }

    @Test
    void subsectionEscapesOnlyQuoteAndBackslash() {
        GcfgDocument doc = parse("[s \"a\\\"b\\\\c\"]\n");
        assertThat(doc.sections().get(0).subsection()).isEqualTo("a\"b\\c");
        assertThat(errors("[s \"a\\nb\"]\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("unknown escape sequence");
        assertThat(errors("[s \"\"]\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("empty subsection name");
        assertThat(errors("[s \"abc\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("string not terminated");
    }

    @Test
    void headerErrors() {
        assertThat(errors("[]\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("expected section name");
        assertThat(errors("[s\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("expected subsection name or right bracket");
        assertThat(errors("[s \"x\"\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("expected right bracket");
        assertThat(errors("[s] a=1\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("expected EOL, EOF, or comment");
        assertThat(errors("[nodegroup.ng1]\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("illegal character U+002E '.'");
    }

    @Test
    void variableBeforeAnySectionIsAnError() {
        assertThat(errors("a=1\n[s]\n"))
                .containsExactly(new GcfgSyntaxError(1, "expected section header"));
    }

    @Test
    void namesStartWithALetterAndHoldLettersDigitsAndDashes() {
        assertThat(onlyEntry("[s]\nmin-Size2 = x\n").name()).isEqualTo("min-Size2");
        assertThat(errors("[s]\n2a=1\n"))
                .containsExactly(new GcfgSyntaxError(2, "illegal character U+0032 '2'"));
        assertThat(errors("[s]\n-a=1\n"))
                .containsExactly(new GcfgSyntaxError(2, "illegal character U+002D '-'"));
        assertThat(errors("[s]\na b\n")).containsExactly(new GcfgSyntaxError(2, "expected '='"));
        assertThat(errors("[s]\n=1\n"))
                .extracting(GcfgSyntaxError::message)
                .containsExactly("expected section header or variable declaration");
    }

    @Test
    void whitespaceAroundValuesIsDropped() {
        assertThat(value("a =   x y  \t")).isEqualTo("x y");
        assertThat(value("a=\"  x  \"")).isEqualTo("  x  ");
    }

    @Test
    void commentsEndUnquotedValues() {
        assertThat(value("a = x ; comment")).isEqualTo("x");
        assertThat(value("a = x # comment")).isEqualTo("x");
        assertThat(value("a = x#y")).isEqualTo("x");
        assertThat(value("a = \"x;y#z\"")).isEqualTo("x;y#z");
        assertThat(value("a = ab\" ; x \"cd")).isEqualTo("ab ; x cd");
    }

    @Test
    void aCommentGluedToTheValueIsFlagged() {
        assertThat(onlyEntry("[s]\na = Aa1#234\n").cutByComment()).isTrue();
        assertThat(onlyEntry("[s]\na = Aa1;234\n").cutByComment()).isTrue();
        assertThat(onlyEntry("[s]\na =#x\n").cutByComment()).isTrue();
        assertThat(onlyEntry("[s]\na = Aa1 #234\n").cutByComment()).isFalse();
        assertThat(onlyEntry("[s]\na = \"Aa1\"#234\n").cutByComment()).isFalse();
        assertThat(onlyEntry("[s]\na = Aa1\n").cutByComment()).isFalse();
    }

    @Test
    void quotedEscapes() {
        assertThat(value("a = \"x\\ny\"")).isEqualTo("x\ny");
        assertThat(value("a = \"x\\ty\"")).isEqualTo("x\ty");
        assertThat(value("a = \"x\\\"y\\\\z\"")).isEqualTo("x\"y\\z");
        assertThat(errors("[s]\na = \"x\\by\"\n"))
                .containsExactly(new GcfgSyntaxError(2, "unknown escape sequence"));
        assertThat(errors("[s]\na = \"x\n"))
                .containsExactly(new GcfgSyntaxError(2, "string not terminated"));
        assertThat(errors("[s]\na = \"x"))
                .containsExactly(new GcfgSyntaxError(2, "string not terminated"));
    }

    @Test
    void unquotedBackslash() {
        assertThat(value("a = x\\\"y")).isEqualTo("x\"y");
        assertThat(errors("[s]\na = x\\y\n"))
                .containsExactly(
                        new GcfgSyntaxError(
                                2, "unquoted '\\' must be followed by new line or double quote"));
        assertThat(errors("[s]\na = x\\")).hasSize(1);
    }

    @Test
    void continuationKeepsTheNextLinesLeadingWhitespaceWithLfAndCrlf() {
        String lf = "[s]\nk=ssh-rsa AAAA111\\\n BBBB222\\\n CCCC333\nnext=1\n";
        String crlf = lf.replace("\n", "\r\n");
        for (String text : List.of(lf, crlf)) {
            GcfgDocument doc = parse(text);
            assertThat(doc.syntaxErrors()).isEmpty();
            assertThat(doc.sections().get(0).entries())
                    .containsExactly(
                            new GcfgEntry("k", "ssh-rsa AAAA111 BBBB222 CCCC333", 2, false),
                            new GcfgEntry("next", "1", 5, false));
        }
    }

    @Test
    void carriageReturnsAreDropped() {
        assertThat(value("a = x\r")).isEqualTo("x");
        assertThat(value("a = \"x\ry\"")).isEqualTo("xy");
        assertThat(onlyEntry("[s]\r\na\r\n").isBlank()).isTrue();
    }

    @Test
    void blankAndEmptyValuesDiffer() {
        assertThat(onlyEntry("[s]\na\n").value()).isNull();
        assertThat(onlyEntry("[s]\na ; comment\n").value()).isNull();
        assertThat(onlyEntry("[s]\na").value()).isNull();
        assertThat(value("a =")).isEmpty();
        assertThat(value("a = \"\"")).isEmpty();
        assertThat(value("a = ; c")).isEmpty();
    }

    @Test
    void fileWithoutFinalNewline() {
        assertThat(onlyEntry("[s]\na=1").value()).isEqualTo("1");
    }

    @Test
    void byteOrderMarkIsAnIllegalCharacterForTheParser() {
        assertThat(errors("\uFEFF[s]\n"))
                .containsExactly(new GcfgSyntaxError(1, "illegal character U+FEFF"));
    }

    @Test
    void nulIsIllegalAnywhere() {
        assertThat(errors("[s]\na=x\u0000y\n"))
                .containsExactly(new GcfgSyntaxError(2, "illegal character NUL"));
    }

    @Test
    void reportsEveryBrokenLineInOrder() {
        String text = "[s]\na = \"x\nb = y\\z\nc = ok\n[t\nd=1\n[u]\n{\n";
        assertThat(errors(text))
                .containsExactly(
                        new GcfgSyntaxError(2, "string not terminated"),
                        new GcfgSyntaxError(
                                3, "unquoted '\\' must be followed by new line or double quote"),
                        new GcfgSyntaxError(5, "expected subsection name or right bracket"),
                        new GcfgSyntaxError(8, "illegal character U+007B '{'"));
        GcfgDocument doc = parse(text);
        assertThat(doc.sections()).extracting(GcfgSection::name).containsExactly("s", "u");
        assertThat(doc.sections().get(0).entries())
                .extracting(GcfgEntry::name)
                .containsExactly("c");
    }

    @Test
    void multiValuedEntriesAreKeptInOrderWithTheirLines() {
        GcfgDocument doc = parse("[s]\nd=1\nd\nd=\nd=2\n");
        assertThat(doc.sections().get(0).entries())
                .containsExactly(
                        new GcfgEntry("d", "1", 2, false), new GcfgEntry("d", null, 3, false),
                        new GcfgEntry("d", "", 4, false), new GcfgEntry("d", "2", 5, false));
    }

    @Test
    void toStringNeverShowsValues() {
        assertThat(new GcfgEntry("password", "s3cret", 1, false).toString())
                .doesNotContain("s3cret");
    }
}
