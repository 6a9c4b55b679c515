package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "45, 45s",
        "900, 15m",
        "3600, 1h",
        "5430, 1h30m30s",
        "90, 1m30s",
        "-60, -1m"
    })
    void shortForm(long seconds, String expected) {
        assertThat(DurationText.of(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
