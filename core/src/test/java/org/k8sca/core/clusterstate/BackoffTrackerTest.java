package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.InstanceError.ErrorClass;

import java.time.Duration;
import java.time.Instant;

class BackoffTrackerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final BackoffTracker tracker =
            new BackoffTracker(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(3));

    private Duration failAt(Instant t) {
        return tracker.fail("g", ErrorClass.OTHER, "timeout", "m", t).duration();
    }

    @Test
    void doublesAfterEachExpiredBackoffUpToTheMaximum() {
        Instant t = T0;
        assertThat(failAt(t)).isEqualTo(Duration.ofMinutes(5));
        t = t.plus(Duration.ofMinutes(6));
        assertThat(failAt(t)).isEqualTo(Duration.ofMinutes(10));
        t = t.plus(Duration.ofMinutes(11));
        assertThat(failAt(t)).isEqualTo(Duration.ofMinutes(20));
        t = t.plus(Duration.ofMinutes(21));
        assertThat(failAt(t)).isEqualTo(Duration.ofMinutes(30));
        t = t.plus(Duration.ofMinutes(31));
        assertThat(failAt(t)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void failureDuringBackoffDoesNotDouble() {
        failAt(T0);
        Backoff again =
                tracker.fail(
                        "g",
                        ErrorClass.OUT_OF_RESOURCES,
                        "QUOTA",
                        "again",
                        T0.plus(Duration.ofMinutes(2)));
        assertThat(again.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(again.until()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
        assertThat(again.errorCode()).isEqualTo("QUOTA");
    }

    @Test
    void activeOnlyBeforeUntil() {
        failAt(T0);
        assertThat(tracker.active("g", T0.plus(Duration.ofMinutes(5)).minusNanos(1))).isPresent();
        assertThat(tracker.active("g", T0.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(tracker.active("other", T0)).isEmpty();
    }

    @Test
    void historyIsForgottenAfterTheResetTimeout() {
        failAt(T0);
        failAt(T0.plus(Duration.ofMinutes(6))); // 10 min, last failure at 6 min
        Instant justBeforeReset = T0.plus(Duration.ofMinutes(6)).plus(Duration.ofHours(3));
        assertThat(failAt(justBeforeReset)).isEqualTo(Duration.ofMinutes(20));
        Instant afterReset = justBeforeReset.plus(Duration.ofHours(3)).plusSeconds(1);
        assertThat(failAt(afterReset)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void longMessagesAreCutTo500Characters() {
        Backoff b = tracker.fail("g", ErrorClass.OTHER, "x", "y".repeat(2000), T0);
        assertThat(b.errorMessage()).hasSize(Backoff.MAX_MESSAGE_LENGTH).endsWith("...");
    }
}
