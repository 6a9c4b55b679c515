package org.k8sca.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

class QuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "100m, 0.1",
        "1.5, 1.5",
        "0.0001, 0.0001",
        "1Gi, 1073741824",
        "1G, 1000000000",
        "512Mi, 536870912",
        "1e3, 1000",
        "1E3, 1000",
        "1E, 1000000000000000000",
        "1k, 1000",
        "1Ki, 1024",
        "1n, 0.000000001",
        "1u, 0.000001",
        "0.5Gi, 536870912",
        "-1, -1",
        "+2, 2",
        ".5, 0.5",
        "5., 5",
        "1e-3, 0.001",
        "1Ei, 1152921504606846976",
        "8Ei, 9223372036854775808",
        "2Ti, 2199023255552",
        "3Pi, 3377699720527872",
        "1.5M, 1500000",
        "7T, 7000000000000",
        "2P, 2000000000000000",
    })
    void parsesExactly(String text, String expected) {
        assertThat(Quantity.parse(text).amount()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1K", "1gi", "1 Gi", " 1Gi", "1Gi ", "1e", "1.2.3", "Gi", "", "0x10", "1_000", "+",
                "-", ".", "1e3Gi", "1mi", "1E+", "1e12345"
            })
    void rejectsInvalid(String text) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
    }

    @ParameterizedTest(name = "{0}: milli {1}, value {2}")
    @CsvSource({
        "100m, 100, 1",
        "1, 1000, 1",
        "0.5, 500, 1",
        "1.0001, 1001, 2",
        "1n, 1, 1",
        "250u, 1, 1",
        "1500u, 2, 1",
        "1Gi, 1073741824000, 1073741824",
        "0, 0, 0",
        "-1.5, -1500, -1",
        "-100m, -100, 0",
    })
    void roundsUpLikeKubernetes(String text, long milli, long value) {
        Quantity q = Quantity.parse(text);
        assertThat(q.milliValue()).isEqualTo(milli);
        assertThat(q.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8Ei", "1e100"})
    void saturatesAtLongMax(String text) {
        assertThat(Quantity.parse(text).value()).isEqualTo(Long.MAX_VALUE);
        assertThat(Quantity.parse(text).milliValue()).isEqualTo(Long.MAX_VALUE);
    }

    @org.junit.jupiter.api.Test
    void equalAmountsAreEqualWhateverTheSpelling() {
        assertThat(Quantity.parse("1Gi")).isEqualTo(Quantity.parse("1024Mi"));
        assertThat(Quantity.parse("1Gi").hashCode()).isEqualTo(Quantity.parse("1024Mi").hashCode());
        assertThat(Quantity.parse("1k")).isEqualTo(Quantity.parse("1000"));
        assertThat(Quantity.parse("1k")).isNotEqualTo(Quantity.parse("1Ki"));
    }

    @org.junit.jupiter.api.Test
    void errorNamesTheText() {
        assertThatThrownBy(() -> Quantity.parse("12Q"))
                .hasMessageContaining("\"12Q\"")
                .hasMessageContaining("suffix");
    }
}
