package org.k8sca.app.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.app.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

class LoopSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SCAN = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock(T0);

    /**
     * A signal that never blocks: each await is answered from a script (woken after some time, or
     * timed out after the full wait), moving the clock accordingly.
     */
    private final class ScriptedSignal implements WakeSignal {
        final List<Duration> waits = new ArrayList<>();
        final Deque<Duration> wakeAfter = new ArrayDeque<>();

        @Override
        public boolean await(Duration max) {
            waits.add(max);
            Duration wake = wakeAfter.poll();
            if (wake != null && wake.compareTo(max) < 0) {
                clock.advance(wake);
                return true;
            }
            clock.advance(max);
            return false;
        }

        @Override
        public void wake() {}
    }

    private final ScriptedSignal signal = new ScriptedSignal();

    /** Runs the scheduler over scripted loop outcomes and returns when each loop started. */
    private List<Instant> run(boolean frequentLoops, Duration loopTakes, boolean... productive) {
        List<Instant> starts = new ArrayList<>();
        LoopScheduler[] self = new LoopScheduler[1];
        self[0] =
                new LoopScheduler(
                        now -> {
                            starts.add(now);
                            clock.advance(loopTakes);
                            if (starts.size() == productive.length) {
                                self[0].stop();
                            }
                            return new LoopOutcome(productive[starts.size() - 1], Optional.empty());
                        },
                        clock,
                        signal,
                        SCAN,
                        frequentLoops);
        self[0].run();
        return starts;
    }

    @Test
    void idleLoopsStartEveryScanInterval() {
        List<Instant> starts = run(true, Duration.ofSeconds(3), false, false, false);
        assertThat(starts).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(signal.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void aProductiveLoopIsFollowedAtOnceOnlyWithFrequentLoops() {
        assertThat(run(true, Duration.ofSeconds(3), true, false))
                .containsExactly(T0, T0.plusSeconds(3));
        signal.waits.clear();
        Instant start = clock.instant();
        assertThat(run(false, Duration.ofSeconds(3), true, false))
                .containsExactly(start, start.plusSeconds(10));
    }

    @Test
    void aWakeUpStartsTheNextLoopEarlyButNotWithinASecondOfTheLast() {
        signal.wakeAfter.add(Duration.ofSeconds(2));
        assertThat(run(true, Duration.ofMillis(200), false, false))
                .containsExactly(T0, T0.plusMillis(2200));

        signal.waits.clear();
        signal.wakeAfter.add(Duration.ofMillis(100));
        Instant start = clock.instant();
        assertThat(run(true, Duration.ofMillis(200), false, false))
                .containsExactly(start, start.plusSeconds(1));
    }

    /** Runs two loops that each ask for the next one {@code nextAfter} after their start. */
    private List<Instant> runAsking(Duration nextAfter) {
        List<Instant> starts = new ArrayList<>();
        LoopScheduler[] self = new LoopScheduler[1];
        self[0] =
                new LoopScheduler(
                        now -> {
                            starts.add(now);
                            clock.advance(Duration.ofMillis(200));
                            if (starts.size() == 2) {
                                self[0].stop();
                            }
                            return new LoopOutcome(
                                    false, Optional.empty(), Optional.of(now.plus(nextAfter)));
                        },
                        clock,
                        signal,
                        SCAN,
                        true);
        self[0].run();
        return starts;
    }

    @Test
    void aLoopWaitingForMorePodsIsFollowedWhenTheWaitEndsNotAScanIntervalLater() {
        assertThat(runAsking(Duration.ofMillis(1500))).containsExactly(T0, T0.plusMillis(1500));
        assertThat(signal.waits).containsExactly(Duration.ofMillis(1300));
    }

    @Test
    void aNextLoopAskedForLaterThanTheScanIntervalDoesNotDelayIt() {
        assertThat(runAsking(Duration.ofSeconds(30))).containsExactly(T0, T0.plusSeconds(10));
    }

    @Test
    void aNextLoopAskedForInThePastStartsAtOnce() {
        assertThat(runAsking(Duration.ofMillis(-100))).containsExactly(T0, T0.plusMillis(200));
    }

    @Test
    void theScanIntervalMustBePositive() {
        assertThatThrownBy(
                        () ->
                                new LoopScheduler(
                                        now -> LoopOutcome.IDLE,
                                        clock,
                                        signal,
                                        Duration.ZERO,
                                        true))
                .hasMessageContaining("--scan-interval");
    }

    @Test
    void theRealSignalReturnsAtOnceWhenWokenBefore() throws InterruptedException {
        WakeSignal real = WakeSignal.monotonic();
        real.wake();
        assertThat(real.await(Duration.ofHours(1))).isTrue();
        assertThat(real.await(Duration.ofMillis(1))).isFalse();
    }
}
