package org.k8sca.app.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

/** Go's strconv.ParseBool and ParseFloat syntax for flag values. */
class GoValueConvertersTest {

    @Test
    void boolAcceptsExactlyGoSpellings() {
        GoBoolConverter bool = new GoBoolConverter();
        for (String yes : new String[] {"1", "t", "T", "TRUE", "true", "True"}) {
            assertThat(bool.convert(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"0", "f", "F", "FALSE", "false", "False"}) {
            assertThat(bool.convert(no)).as(no).isFalse();
        }
        for (String bad : new String[] {"yes", "no", "tRUE", "", " true", "2"}) {
            assertThatThrownBy(() -> bool.convert(bad))
                    .as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessage(
                            "strconv.ParseBool: parsing \""
                                    + bad
                                    + "\": invalid syntax (expected true or false)");
        }
    }

    @Test
    void floatAcceptsGoSyntaxAndRefusesJavaOnlyForms() {
        GoFloatConverter number = new GoFloatConverter();
        assertThat(number.convert("0.5")).isEqualTo(0.5);
        assertThat(number.convert("45")).isEqualTo(45.0);
        assertThat(number.convert("1e3")).isEqualTo(1000.0);
        assertThat(number.convert("-.25")).isEqualTo(-0.25);
        assertThat(number.convert("0x1p-2")).isEqualTo(0.25);
        assertThat(number.convert("Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(number.convert("-infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(number.convert("NAN")).isNaN();
        for (String bad : new String[] {"0.5d", "1f", " 1", "1 ", "", "half", "1,5", "0x1p3f"}) {
            assertThatThrownBy(() -> number.convert(bad))
                    .as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessage("strconv.ParseFloat: parsing \"" + bad + "\": invalid syntax");
        }
    }
}
