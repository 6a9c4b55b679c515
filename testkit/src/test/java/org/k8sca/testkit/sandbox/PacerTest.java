package org.k8sca.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The pacer on a fake real-time clock: what it waits for, never how long anything took. */
class PacerTest {
    private static final Duration STEP = Duration.ofSeconds(10);

    /** A real-time clock that moves only when the pacer sleeps or the test says work took time. */
    private long nanos = 1_000_000_000L;

    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(
                speed,
                () -> nanos,
                n -> {
                    sleeps.add(n);
                    nanos += n;
                });
    }

    @Test
    void atTwentyTimesATenSecondStepTakesHalfARealSecond() throws Exception {
        Pacer pacer = pacer(20);

        pacer.advanced(STEP);
        pacer.advanced(STEP);

        assertThat(sleeps).containsExactly(500_000_000L, 500_000_000L);
    }

    @Test
    void timeSpentInTheStepIsNotWaitedAgain() throws Exception {
        Pacer pacer = pacer(20);

        nanos += 200_000_000L; // the step itself took 0.2 s
        pacer.advanced(STEP);

        assertThat(sleeps).containsExactly(300_000_000L);
    }

    @Test
    void maxSpeedNeverWaits() throws Exception {
        Pacer pacer = pacer(0);

        for (int i = 0; i < 100; i++) {
            pacer.advanced(STEP);
        }

        assertThat(sleeps).isEmpty();
    }

    @Test
    void afterFallingFarBehindItDoesNotRushTheNextSteps() throws Exception {
        Pacer pacer = pacer(20);

        nanos += 5_000_000_000L; // one step took 5 s: ten steps' worth
        pacer.advanced(STEP);
        pacer.advanced(STEP);

        assertThat(sleeps)
                .as("no wait for the slow step, a full wait for the next")
                .containsExactly(500_000_000L);
    }

    @Test
    void slowerThanRealTimeWaitsLonger() throws Exception {
        Pacer pacer = pacer(0.5);

        pacer.advanced(STEP);

        assertThat(sleeps).containsExactly(20_000_000_000L);
    }
}
