package org.k8sca.kamatera.sim.knobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

class DurationRangeTest {

    @Test
    void parsesUnitsAndRanges() {
        assertThat(DurationRange.parse("250ms"))
                .isEqualTo(DurationRange.fixed(Duration.ofMillis(250)));
        assertThat(DurationRange.parse("1.5s"))
                .isEqualTo(DurationRange.fixed(Duration.ofMillis(1500)));
        assertThat(DurationRange.parse("2m")).isEqualTo(DurationRange.fixed(Duration.ofMinutes(2)));
        assertThat(DurationRange.parse("90s..180s")).isEqualTo(DurationRange.ofSeconds(90, 180));
        assertThat(DurationRange.parse("7")).isEqualTo(DurationRange.fixed(Duration.ofSeconds(7)));
        assertThat(DurationRange.ofSeconds(90, 180).toString()).isEqualTo("90s..180s");
        assertThatThrownBy(() -> DurationRange.parse("soon"))
                .hasMessageContaining("invalid duration 'soon'");
        assertThatThrownBy(() -> DurationRange.parse("5s..1s")).hasMessageContaining("min <= max");
    }

    @Test
    void samplesStayInsideTheRangeAndFixedRangesDrawNothing() {
        long seed = 99;
        Random random = new Random(seed);
        DurationRange r = DurationRange.ofSeconds(10, 30);
        for (int i = 0; i < 1000; i++) {
            assertThat(r.sample(random))
                    .as("seed %d draw %d", seed, i)
                    .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
        Random a = new Random(1);
        Random b = new Random(1);
        DurationRange.fixed(Duration.ofSeconds(5)).sample(a);
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
