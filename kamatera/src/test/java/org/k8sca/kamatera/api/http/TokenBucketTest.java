package org.k8sca.kamatera.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

class TokenBucketTest {

    @Test
    void aDisabledBucketNeverWaits() {
        TokenBucket bucket = new TokenBucket(0, 1, new FakeTime());

        for (int i = 0; i < 100; i++) {
            assertThat(bucket.reserve(Duration.ZERO)).contains(Duration.ZERO);
        }
    }

    @Test
    void waitersQueueUpBehindEachOther() {
        TokenBucket bucket = new TokenBucket(2, 1, new FakeTime());

        assertThat(bucket.reserve(Duration.ofMinutes(1))).contains(Duration.ZERO);
        assertThat(bucket.reserve(Duration.ofMinutes(1))).contains(Duration.ofMillis(500));
        assertThat(bucket.reserve(Duration.ofMinutes(1))).contains(Duration.ofSeconds(1));
        assertThat(bucket.reserve(Duration.ofMillis(100)))
                .as("too long a wait takes nothing")
                .isEmpty();
        assertThat(bucket.reserve(Duration.ofMinutes(1))).contains(Duration.ofMillis(1500));
    }

    /**
     * Property: over any seeded sequence of reservations, each waited for, the number of requests
     * sent by time t never exceeds burst + rate * t.
     */
    @Test
    void neverMoreThanBurstPlusRateTimesElapsed() {
        long seed = Long.getLong("test.seed", 20261124L); // fixed for CI; -Dtest.seed=N explores
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            FakeTime time = new FakeTime();
            double rate = 0.5 + random.nextInt(20);
            int burst = 1 + random.nextInt(10);
            TokenBucket bucket = new TokenBucket(rate, burst, time);
            java.time.Instant start = time.instant();
            int sent = 0;
            for (int i = 0; i < 100; i++) {
                time.advance(Duration.ofMillis(random.nextInt(300)));
                Optional<Duration> wait = bucket.reserve(Duration.ofHours(1));
                assertThat(wait).as("seed %d", seed).isPresent();
                time.advance(wait.get());
                sent++;
                double elapsed = Duration.between(start, time.instant()).toNanos() / 1e9;
                assertThat((double) sent)
                        .as("seed %d round %d request %d", seed, round, i)
                        .isLessThanOrEqualTo(burst + rate * elapsed + 1e-6);
            }
        }
    }
}
