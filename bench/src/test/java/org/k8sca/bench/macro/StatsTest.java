package org.k8sca.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankOnAHundredSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // unsorted on purpose
        }
        Stats s = Stats.of(samples);
        assertThat(s).isEqualTo(new Stats(100, 1, 50, 99, 100));
    }

    @Test
    void withFewSamplesP99IsTheMaximum() {
        Stats s = Stats.of(new long[] {5, 1, 9, 3});
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.p99()).isEqualTo(9);
        assertThat(s.min()).isEqualTo(1);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Stats.of(new long[0])).hasMessageContaining("no samples");
    }
}
