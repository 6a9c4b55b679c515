package org.k8sca.kube.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.testing.FakeTime;

import java.time.Duration;
import java.time.Instant;

class TokenBucketTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void burstThenSteadyRate() throws Exception {
        TokenBucket bucket = new TokenBucket(5, 10, time, time);
        for (int i = 0; i < 10; i++) {
            bucket.acquire();
        }
        assertThat(time.sleeps()).isEmpty();

        bucket.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200));

        // One idle second refills 5 tokens, no more than that.
        time.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        assertThat(time.sleeps()).hasSize(1);
        bucket.acquire();
        assertThat(time.sleeps()).hasSize(2).last().isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void concurrentReservationsQueueUp() {
        TokenBucket bucket = new TokenBucket(2, 1, time, time);
        assertThat(bucket.reserve()).isEqualTo(Duration.ZERO);
        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void idleTimeNeverOverfillsTheBucket() {
        TokenBucket bucket = new TokenBucket(1, 2, time, time);
        time.advance(Duration.ofHours(1));
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void zeroQpsMeansNoLimit() throws Exception {
        TokenBucket bucket = new TokenBucket(0, 0, time, time);
        for (int i = 0; i < 1000; i++) {
            bucket.acquire();
        }
        assertThat(bucket.unlimited()).isTrue();
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void burstMustBePositiveWithALimit() {
        assertThatThrownBy(() -> new TokenBucket(5, 0, time, time)).hasMessageContaining("burst");
    }
}
