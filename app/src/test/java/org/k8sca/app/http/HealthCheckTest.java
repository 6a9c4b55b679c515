package org.k8sca.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

class HealthCheckTest {

    /** A clock moved by hand. */
    static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final HealthCheck health =
            new HealthCheck(
                    clock, Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(20));

    @Test
    void healthyBeforeMonitoringStartsHoweverLong() {
        clock.advance(Duration.ofHours(5));
        assertThat(health.check()).isEqualTo(new HealthCheck.Verdict(true, "OK"));
    }

    @Test
    void startupWindowAppliesUntilTheFirstSuccess() {
        health.startMonitoring();
        clock.advance(Duration.ofMinutes(20));
        assertThat(health.check().healthy()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        HealthCheck.Verdict v = health.check();
        assertThat(v.healthy()).isFalse();
        assertThat(v.message())
                .isEqualTo("Error: last activity more 20m1s ago, last success more than 20m1s ago");
    }

    @Test
    void afterASuccessInactivityAndFailingWindowsApply() {
        health.startMonitoring();
        health.success(clock.instant());
        clock.advance(Duration.ofMinutes(10));
        assertThat(health.check().healthy()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.check().healthy())
                .as("no activity for more than max-inactivity")
                .isFalse();

        // Loops keep starting but keep failing: healthy until max-failing-time after the last
        // success.
        health.activity(clock.instant());
        assertThat(health.check().healthy()).isTrue();
        clock.advance(Duration.ofMinutes(4));
        health.activity(clock.instant());
        assertThat(health.check().healthy()).isTrue();
        clock.advance(Duration.ofSeconds(60));
        health.activity(clock.instant());
        assertThat(health.check().message())
                .isEqualTo("Error: last activity more 0s ago, last success more than 15m1s ago");

        health.success(clock.instant());
        assertThat(health.check().healthy()).isTrue();
    }

    @Test
    void rejectsNonPositiveWindowsNamingTheFlag() {
        assertThatThrownBy(
                        () ->
                                new HealthCheck(
                                        clock,
                                        Duration.ZERO,
                                        Duration.ofMinutes(1),
                                        Duration.ofMinutes(1)))
                .hasMessageContaining("--max-inactivity");
    }
}
