package org.k8sca.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The printer's lines from hand-made loop results: what is printed, once, and how it reads. */
class DecisionPrinterTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final long GI = 1L << 30;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final DecisionPrinter printer =
            new DecisionPrinter(
                    new Narrator(new PrintStream(out, true, StandardCharsets.UTF_8), START),
                    node -> "ng1",
                    Duration.ofMinutes(5));

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void loopAt(Duration sinceStart) {
        printer.loopStarted(START.plus(sinceStart));
    }

    private static PodOutcome pod(String name, PodVerdict verdict, String target, String msg) {
        return new PodOutcome("default/" + name, name + "-uid", verdict, target, msg, Map.of());
    }

    private static ScaleUpResult result(List<PodOutcome> pods) {
        return new ScaleUpResult(
                ScaleUpStatus.SCALE_UP, "", pods, List.of(), List.of(), null, List.of());
    }

    @Test
    void aScaleUpNamesTheGroupTheSizesAndThePodsByWorkload() {
        loopAt(Duration.ofSeconds(130));
        List<PodOutcome> pods = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            pods.add(pod("web-" + i, PodVerdict.TRIGGERS_SCALE_UP, "ng1", ""));
        }
        pods.add(pod("cache-1", PodVerdict.TRIGGERS_SCALE_UP, "ng1", ""));
        pods.add(pod("other-1", PodVerdict.TRIGGERS_SCALE_UP, "ng2", ""));
        IncreaseAttempt done =
                new IncreaseAttempt(
                        new GroupIncrease("ng1", 2, 4, 6), IncreaseAttempt.Outcome.SUCCEEDED, "");

        printer.scaleUp(result(pods), List.of(done));

        assertThat(lines())
                .containsExactly(
                        "00:02:10  scale-up    ng1 +2 (2 -> 4 nodes, max 6) for cache (1 pod),"
                                + " web (5 pods)");
        assertThat(printer.scaleUps()).isEqualTo(1);
    }

    @Test
    void aFailedResizeIsPrintedWithTheProviderMessage() {
        loopAt(Duration.ZERO);
        IncreaseAttempt failed =
                new IncreaseAttempt(
                        new GroupIncrease("ng1", 1, 2, 3),
                        IncreaseAttempt.Outcome.FAILED,
                        "quota exceeded");

        printer.scaleUp(result(List.of()), List.of(failed));

        assertThat(lines()).singleElement().asString().contains("FAILED", "quota exceeded");
        assertThat(printer.scaleUps()).isZero();
    }

    @Test
    void aPodNoGroupCanTakeIsPrintedOnceThenAgainOnlyWhenItsReasonChangesOrItCameBack() {
        String tooBig = "pod didn't trigger scale-up: 2 Insufficient cpu";
        PodOutcome big = pod("analytics-1", PodVerdict.NOT_HELPED, "", tooBig);

        loopAt(Duration.ofSeconds(10));
        printer.scaleUp(result(List.of(big)), List.of());
        loopAt(Duration.ofSeconds(20));
        printer.scaleUp(result(List.of(big)), List.of());
        loopAt(Duration.ofSeconds(30));
        printer.scaleUp(
                result(
                        List.of(
                                pod(
                                        "analytics-1",
                                        PodVerdict.NOT_HELPED,
                                        "",
                                        "pod didn't trigger scale-up: 2 max node group size"
                                                + " reached"))),
                List.of());
        loopAt(Duration.ofSeconds(40));
        printer.scaleUp(result(List.of()), List.of()); // gone
        loopAt(Duration.ofSeconds(50));
        printer.scaleUp(result(List.of(big)), List.of());

        assertThat(lines())
                .containsExactly(
                        "00:00:10  no help     analytics (1 pod): " + tooBig,
                        "00:00:30  no help     analytics (1 pod): pod didn't trigger scale-up: 2"
                                + " max node group size reached",
                        "00:00:50  no help     analytics (1 pod): " + tooBig);
    }

    @Test
    void aScaleDownSaysWhyAndWhatMovesOnceUntilItsDeletionFinishes() {
        Node node =
                Node.builder("n1")
                        .allocatable(Resources.of(2000, 4 * GI, 0, 110, 0))
                        .capacity(Resources.of(2000, 4 * GI, 0, 110, 0))
                        .ready(true)
                        .build();
        Pod api =
                Pod.builder("default", "api-1")
                        .requests(Resources.of(500, GI, 0, 1, 0))
                        .nodeName("n1")
                        .build();
        printer.clusterObjects(
                new ClusterObjects(
                        1,
                        List.of(node),
                        List.of(new ObservedPod(api, SchedulingState.BOUND, null, null, null)),
                        List.of(),
                        List.of(),
                        Map.of(),
                        Map.of(),
                        Map.of()));
        NodeRemoval removal =
                new NodeRemoval(
                        "n1",
                        new NodeDrain(List.of(api), List.of(), List.of(), null, null),
                        Map.of("default/api-1", "n2"),
                        false);
        ScaleDownPlan plan =
                new ScaleDownPlan(
                        List.of(NodeExplanation.unneeded("n1", START.plusSeconds(70), 0.25)),
                        List.of(),
                        List.of(removal),
                        SoftTaintPlan.NONE,
                        Optional.empty(),
                        false);

        loopAt(Duration.ofMinutes(4));
        printer.scaleDown(plan);
        loopAt(Duration.ofMinutes(4).plusSeconds(10));
        printer.scaleDown(plan); // still draining: not announced again
        printer.deletionsFinished(List.of(new DeletionResult("n1", "ng1", false, true, "")));

        assertThat(lines())
                .containsExactly(
                        "00:04:00  scale-down  n1 (ng1): unneeded since 00:01:10 (cpu 25%, mem 25%"
                                + " requested); drains 1 pod (api-1) to other nodes",
                        "00:04:10  removed     n1 (ng1), drained");
        assertThat(printer.scaleDowns()).isEqualTo(1);
    }

    @Test
    void aSummaryIsPrintedAtEachFiveMinuteMarkAndAFailedLoopOncePerError() {
        for (int seconds = 10; seconds <= 660; seconds += 10) {
            Instant at = START.plusSeconds(seconds);
            printer.loopStarted(at);
            Optional<Throwable> error =
                    seconds >= 100 && seconds <= 120
                            ? Optional.of(new IllegalStateException("server list: HTTP 500"))
                            : Optional.empty();
            printer.loopFinished(at, Duration.ZERO, error);
        }

        assertThat(lines())
                .containsExactly(
                        "00:01:40  FAILED      the loop stopped early: server list: HTTP 500",
                        "00:05:00  summary     nodes 0; pods 0 running, 0 pending",
                        "00:10:00  summary     nodes 0; pods 0 running, 0 pending");
    }

    @Test
    void namesAreCountedAndCapped() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 1);
        counts.put("b", 2);
        counts.put("c", 3);
        counts.put("d", 4);
        counts.put("e", 5);

        assertThat(DecisionPrinter.countedNames(counts, 3))
                .isEqualTo("a (1 pod), b (2 pods), c (3 pods), +2 more");
        assertThat(DecisionPrinter.workloadOf("default/web-12")).isEqualTo("web");
        assertThat(DecisionPrinter.workloadOf("ns/single")).isEqualTo("single");
        assertThat(Narrator.clock(Duration.ofSeconds(3 * 3600 + 62))).isEqualTo("03:01:02");
    }
}
