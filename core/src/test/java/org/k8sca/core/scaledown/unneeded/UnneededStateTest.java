package org.k8sca.core.scaledown.unneeded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class UnneededStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private static Node softTainted(String name, Instant at) {
        return node(name, 4000, 8).taints(List.of(ScaleDownTaints.deletionCandidate(at))).build();
    }

    @Test
    void timersSurviveWhileUnneededAndResetWhenNot() {
        UnneededTimers timers = new UnneededTimers(Duration.ZERO);
        Node a = node("a", 4000, 8).build();
        Node b = node("b", 4000, 8).build();
        timers.update(List.of(a, b), T0);
        timers.update(List.of(a), T0.plusSeconds(60));
        assertThat(timers.since("a")).contains(T0);
        assertThat(timers.since("b")).isEmpty();
        timers.update(List.of(a, b), T0.plusSeconds(120));
        assertThat(timers.since("b")).contains(T0.plusSeconds(120));
        assertThat(timers.unneededFor("a", T0.plusSeconds(120))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void restartRecoversTheTimeFromTheSoftTaintWithinTheTtl() {
        Instant now = T0.plus(Duration.ofMinutes(8));
        UnneededTimers fresh = new UnneededTimers(Duration.ofMinutes(30));
        fresh.update(
                List.of(
                        softTainted("a", T0),
                        softTainted("old", now.minus(Duration.ofMinutes(31)))),
                now);
        assertThat(fresh.since("a")).contains(T0);
        assertThat(fresh.since("old")).contains(now);

        UnneededTimers disabled = new UnneededTimers(Duration.ZERO);
        disabled.update(List.of(softTainted("a", T0)), now);
        assertThat(disabled.since("a")).contains(now);

        // A value that is not a Unix time is not trusted.
        Node garbage =
                node("g", 4000, 8)
                        .taints(
                                List.of(
                                        new org.k8sca.core.model.Taint(
                                                ScaleDownTaints.DELETION_CANDIDATE,
                                                "yesterday",
                                                org.k8sca.core.model.TaintEffect
                                                        .PREFER_NO_SCHEDULE)))
                        .build();
        fresh.update(List.of(garbage), now);
        assertThat(fresh.since("g")).contains(now);
    }

    @Test
    void softTaintPlanUntaintsFirstAndSharesTheBudget() {
        UnneededTimers timers = new UnneededTimers(Duration.ZERO);
        Node needed1 = softTainted("n1", T0);
        Node needed2 = softTainted("n2", T0);
        Node u1 = node("u1", 4000, 8).build();
        Node u2 = node("u2", 4000, 8).build();
        Node already = softTainted("u3", T0);
        timers.update(List.of(u1, u2, already), T0.plusSeconds(10));
        List<Node> all = List.of(needed1, needed2, u1, u2, already);

        SoftTaintPlan three = SoftTaintPlanner.plan(all, timers, 3);
        assertThat(three.untaint()).containsExactly("n1", "n2");
        assertThat(three.taint()).containsOnlyKeys("u1");
        assertThat(three.taint().get("u1")).isEqualTo(T0.plusSeconds(10));

        assertThat(SoftTaintPlanner.plan(all, timers, 10).taint()).containsOnlyKeys("u1", "u2");
        assertThat(SoftTaintPlanner.plan(all, timers, 0)).isEqualTo(SoftTaintPlan.NONE);
    }

    @Test
    void cooldowns() {
        Duration add = Duration.ofMinutes(10);
        Duration failure = Duration.ofMinutes(3);
        Duration delete = Duration.ZERO;
        assertThat(Cooldown.NONE.reason(T0, add, failure, delete)).isEmpty();
        Cooldown afterScaleUp = new Cooldown(T0, null, null, false);
        assertThat(afterScaleUp.reason(T0.plus(Duration.ofMinutes(9)), add, failure, delete))
                .hasValueSatisfying(
                        r -> assertThat(r).contains("--scale-down-delay-after-add=10m0s ago"));
        assertThat(afterScaleUp.reason(T0.plus(Duration.ofMinutes(10)), add, failure, delete))
                .isEmpty();
        Cooldown afterFailure = new Cooldown(null, T0, null, false);
        assertThat(afterFailure.reason(T0.plus(Duration.ofMinutes(2)), add, failure, delete))
                .hasValueSatisfying(
                        r -> assertThat(r).contains("--scale-down-delay-after-failure=3m0s ago"));
        assertThat(afterFailure.reason(T0.plus(Duration.ofMinutes(3)), add, failure, delete))
                .isEmpty();
        Cooldown afterDelete = new Cooldown(null, null, T0, false);
        assertThat(afterDelete.reason(T0, add, failure, delete)).isEmpty();
        assertThat(afterDelete.reason(T0.plusSeconds(30), add, failure, Duration.ofMinutes(1)))
                .isPresent();
        assertThat(new Cooldown(null, null, null, true).reason(T0, add, failure, delete))
                .isPresent();
    }
}
