package org.k8sca.core.scaleup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.ZONE;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.cloud.ResourceLimits;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.GroupTemplate;
import org.k8sca.core.template.TemplateNodeBuilder;
import org.k8sca.core.testing.FakeCloudProvider;
import org.k8sca.core.testing.FakeNodeGroup;
import org.k8sca.core.testing.StepClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

class ScaleUpPlannerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofMinutes(5));
    private static final OwnerReference RS = OwnerReference.controller("ReplicaSet", "web", "rs-1");

    private final ClusterSnapshot snapshot = new ClusterSnapshot();
    private final FakeCloudProvider provider = new FakeCloudProvider();
    private final Map<String, Integer> upcoming = new HashMap<>();
    private final Map<String, String> backoff = new HashMap<>();
    private ScaleUpConfig config = ScaleUpConfig.DEFAULTS;

    /**
     * A group whose template (from the cloud) has {@code milliCpu} and {@code memGi}, and extra
     * labels.
     */
    private FakeNodeGroup group(
            String id, int target, int max, long milliCpu, long memGi, String... labels) {
        Labels l = Labels.of(labels);
        FakeNodeGroup g =
                new FakeNodeGroup(id, 0, max, target)
                        .template(
                                new NodeTemplate(
                                        node("cloud-" + id, milliCpu, memGi)
                                                .labels(
                                                        l.with(
                                                                "kubernetes.io/hostname",
                                                                "cloud-" + id))
                                                .build(),
                                        List.of()));
        provider.add(g);
        return g;
    }

    private static Pod.Builder web(String name, long milliCpu) {
        return pod(name, milliCpu, 100).owner(RS).creationTime(LONG_AGO);
    }

    private static List<Pod> webs(int n, long milliCpu) {
        List<Pod> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(web("web-" + i, milliCpu).build());
        }
        return out;
    }

    private ScaleUpResult plan(List<Pod> pods) {
        Map<String, GroupTemplate> templates =
                new TemplateNodeBuilder(StepClock.fixed(NOW)).build(provider, snapshot, List.of());
        ScaleUpPlanner planner =
                new ScaleUpPlanner(
                        config, ExpanderChain.defaultChain(new Random(1)), StepClock.fixed(NOW));
        return planner.plan(
                new ScaleUpInput(snapshot, pods, provider, templates, upcoming, backoff));
    }

    @Test
    void tenPodsOfOneCpuGiveFourNodesOfThreeAndAHalfCpu() {
        group("ng", 1, 10, 3500, 16);

        ScaleUpResult r = plan(webs(10, 1000));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(r.increases()).containsExactly(new GroupIncrease("ng", 1, 5, 10));
        assertThat(r.group("ng").estimatedNodes()).isEqualTo(4);
        assertThat(r.group("ng").newTarget()).isEqualTo(5);
        assertThat(r.podsWith(PodVerdict.TRIGGERS_SCALE_UP)).hasSize(10);
        assertThat(r.pod("default/web-0").message())
                .isEqualTo("pod triggered scale-up: [{ng 1->5 (max: 10)}]");
        assertThat(r.expanderChoice().why()).isEqualTo("only option: ng");
        assertThat(r.summary()).isEqualTo("scale-up: {ng 1->5 (max: 10)} for 10 pod(s)");
    }

    @Test
    void aPodThatFitsAnUpcomingNodeCausesNoScaleUp() {
        group("ng", 1, 10, 4000, 16);
        upcoming.put("ng", 1);

        ScaleUpResult r = plan(webs(3, 1000));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.NOT_NEEDED);
        assertThat(r.increases()).isEmpty();
        assertThat(r.podsWith(PodVerdict.FITS_UPCOMING_NODE))
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.target()).isEqualTo("ng"));
    }

    @Test
    void upcomingNodesOnlyAbsorbWhatFitsThem() {
        group("ng", 1, 10, 4000, 16);
        upcoming.put("ng", 1);

        ScaleUpResult r = plan(webs(6, 1000));

        assertThat(r.podsWith(PodVerdict.FITS_UPCOMING_NODE)).hasSize(4);
        assertThat(r.increases()).containsExactly(new GroupIncrease("ng", 1, 2, 10));
    }

    @Test
    void aPodThatFitsAnExistingNodeCausesNoScaleUp() {
        FakeNodeGroup g = group("ng", 1, 10, 4000, 16);
        snapshot.addNode(node("n1", 4000, 16).build());
        provider.assign("n1", g);

        ScaleUpResult r = plan(List.of(web("a", 1000).build()));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.NOT_NEEDED);
        assertThat(r.pod("default/a").verdict()).isEqualTo(PodVerdict.FITS_EXISTING_NODE);
        assertThat(r.pod("default/a").target()).isEqualTo("n1");
    }

    @Test
    void expendableGatedNominatedAndDaemonSetPodsAreIgnored() {
        group("ng", 0, 10, 4000, 16);
        snapshot.addNode(node("n1", 1000, 1).build());
        List<Pod> pods =
                List.of(
                        web("expendable", 1000).priority(-11).build(),
                        web("gated", 1000).schedulingGates(List.of("wait-for-quota")).build(),
                        web("nominated", 1000).nominatedNodeName("n1").build(),
                        pod("ds", 1000, 100)
                                .owner(OwnerReference.controller("DaemonSet", "agent", "ds-1"))
                                .build(),
                        web("deleting", 1000).terminating(true).build());

        ScaleUpResult r = plan(pods);

        assertThat(r.status()).isEqualTo(ScaleUpStatus.NOT_NEEDED);
        assertThat(r.increases()).isEmpty();
        assertThat(r.podsWith(PodVerdict.IGNORED)).hasSize(5);
        assertThat(r.pod("default/expendable").message())
                .isEqualTo(
                        "pod is expendable: priority -11 is below --expendable-pods-priority-cutoff"
                                + " -10");
        assertThat(r.pod("default/gated").message())
                .isEqualTo("pod is held by scheduling gates [wait-for-quota]");
        assertThat(r.pod("default/nominated").message())
                .contains("waiting for preemption")
                .contains("n1");
        assertThat(r.pod("default/ds").message()).contains("DaemonSet");
        assertThat(r.pod("default/deleting").message()).isEqualTo("pod is being deleted");
    }

    @Test
    void aPodAtTheCutoffIsNotExpendable() {
        group("ng", 0, 10, 4000, 16);

        ScaleUpResult r = plan(List.of(web("p", 1000).priority(-10).build()));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
    }

    @Test
    void aNominatedPodHoldsItsPlaceSoOthersDoNotTakeIt() {
        group("ng", 0, 10, 4000, 16);
        snapshot.addNode(node("n1", 1000, 16).build());

        ScaleUpResult r =
                plan(
                        List.of(
                                web("nominated", 1000).nominatedNodeName("n1").build(),
                                web("other", 1000).build()));

        assertThat(r.pod("default/other").verdict()).isEqualTo(PodVerdict.TRIGGERS_SCALE_UP);
    }

    @Test
    void youngPodsWaitForTheirScaleUpDelay() {
        group("ng", 0, 10, 4000, 16);
        config = config.toBuilder().newPodScaleUpDelay(Duration.ofSeconds(30)).build();
        List<Pod> pods =
                List.of(
                        web("young", 1000).creationTime(NOW.minusSeconds(10)).build(),
                        web("old", 1000).creationTime(NOW.minusSeconds(60)).build(),
                        web("annotated", 1000)
                                .creationTime(NOW.minusSeconds(60))
                                .annotations(Map.of(PodClassifier.SCALE_UP_DELAY_ANNOTATION, "2m"))
                                .build(),
                        web("shorter", 1000)
                                .creationTime(NOW.minusSeconds(20))
                                .annotations(Map.of(PodClassifier.SCALE_UP_DELAY_ANNOTATION, "5s"))
                                .build());

        ScaleUpResult r = plan(pods);

        assertThat(r.pod("default/young").verdict()).isEqualTo(PodVerdict.IGNORED);
        assertThat(r.pod("default/young").message())
                .isEqualTo("pod is younger than its scale-up delay of 30 s");
        assertThat(r.pod("default/annotated").message())
                .isEqualTo("pod is younger than its scale-up delay of 120 s");
        assertThat(r.pod("default/shorter").verdict())
                .as("the annotation cannot shorten the delay")
                .isEqualTo(PodVerdict.IGNORED);
        assertThat(r.pod("default/old").verdict()).isEqualTo(PodVerdict.TRIGGERS_SCALE_UP);
    }

    @Test
    void aBadDelayAnnotationIsReportedAndTheGlobalDelayApplies() {
        group("ng", 0, 10, 4000, 16);

        ScaleUpResult r =
                plan(
                        List.of(
                                web("p", 1000)
                                        .annotations(
                                                Map.of(
                                                        PodClassifier.SCALE_UP_DELAY_ANNOTATION,
                                                        "soon"))
                                        .build()));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(r.notes())
                .anySatisfy(
                        n ->
                                assertThat(n)
                                        .contains("default/p")
                                        .contains("\"soon\"")
                                        .contains("not a duration"));
    }

    @Test
    void freshPodsWaitOneLoopForMorePods() {
        group("ng", 0, 10, 4000, 16);

        ScaleUpResult r = plan(List.of(web("p", 1000).creationTime(NOW.minusSeconds(1)).build()));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.WAITING_FOR_MORE_PODS);
        assertThat(r.pod("default/p").verdict()).isEqualTo(PodVerdict.WAITING);
        // The window (2 s) ends 2 s after the oldest pending pod's creation.
        assertThat(r.waitUntil()).contains(NOW.plusSeconds(1));
    }

    @Test
    void podsOldEnoughToPlanForHaveNoWindowToWaitFor() {
        group("ng", 0, 10, 4000, 16);

        ScaleUpResult r = plan(List.of(web("p", 1000).creationTime(NOW.minusSeconds(5)).build()));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(r.waitUntil()).isEmpty();
    }

    @Test
    void reasonsReadLikeTheSchedulersMessages() {
        group("full", 5, 5, 4000, 16);
        group("other-zone", 0, 5, 4000, 16, "zone", "b");
        group("small", 0, 5, 500, 16, "zone", "a");
        Pod p = web("p", 1000).nodeSelector(Labels.of("zone", "a")).build();

        ScaleUpResult r = plan(List.of(p));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.NO_OPTIONS);
        PodOutcome o = r.pod("default/p");
        assertThat(o.verdict()).isEqualTo(PodVerdict.NOT_HELPED);
        assertThat(o.message())
                .isEqualTo(
                        "pod didn't trigger scale-up: 1 Insufficient cpu, 1 max node group size"
                                + " reached, 1 node(s) didn't match Pod's node affinity/selector");
        assertThat(o.reasonsByGroup()).containsOnlyKeys("full", "other-zone", "small");
        assertThat(o.reasonsByGroup().get("full")).containsExactly("max node group size reached");
        assertThat(r.group("full").skipReason()).isEqualTo("max node group size reached");
    }

    @Test
    void backedOffGroupsAreSkippedWithTheirReasonAndAnotherGroupIsChosen() {
        group("a", 0, 5, 4000, 16);
        group("b", 0, 5, 4000, 16);
        backoff.put("a", "timeout: nodes did not register within 15m");

        ScaleUpResult r = plan(webs(2, 1000));

        assertThat(r.increases()).extracting(GroupIncrease::nodeGroupId).containsExactly("b");
        assertThat(r.group("a").skipReason())
                .isEqualTo(
                        "in backoff after failed scale-up: timeout: nodes did not register within"
                                + " 15m");
    }

    @Test
    void aGroupWithoutTemplateIsNotReady() {
        provider.add(new FakeNodeGroup("blank", 0, 5, 0));

        ScaleUpResult r = plan(webs(1, 1000));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.NO_OPTIONS);
        assertThat(r.group("blank").skipReason()).startsWith("not ready for scale-up: no template");
        assertThat(r.pod("default/web-0").message())
                .startsWith("pod didn't trigger scale-up: 1 not ready for scale-up");
    }

    @Test
    void maxNodeGroupSizeCapsTheEstimate() {
        group("ng", 3, 5, 1000, 16);

        ScaleUpResult r = plan(webs(10, 1000));

        assertThat(r.increases()).containsExactly(new GroupIncrease("ng", 3, 5, 5));
        assertThat(r.podsWith(PodVerdict.TRIGGERS_SCALE_UP)).hasSize(2);
        assertThat(r.podsWith(PodVerdict.NOT_HELPED))
                .hasSize(8)
                .allSatisfy(
                        p ->
                                assertThat(p.message())
                                        .contains("reached the limit of 2 new node(s)"));
    }

    @Test
    void maxNodesTotalCapsAndThenStopsScaleUps() {
        group("ng", 2, 50, 1000, 16);
        snapshot.addNode(node("n1", 100, 1).build());
        snapshot.addNode(node("n2", 100, 1).build());
        config = config.toBuilder().maxNodesTotal(5).build();

        ScaleUpResult capped = plan(webs(10, 1000));
        assertThat(capped.increases()).containsExactly(new GroupIncrease("ng", 2, 5, 50));

        snapshot.addNode(node("n3", 100, 1).build());
        snapshot.addNode(node("n4", 100, 1).build());
        snapshot.addNode(node("n5", 100, 1).build());
        ScaleUpResult reached = plan(webs(10, 1000));
        assertThat(reached.status()).isEqualTo(ScaleUpStatus.MAX_NODES_TOTAL_REACHED);
        assertThat(reached.pod("default/web-0").message())
                .isEqualTo("pod didn't trigger scale-up: max total nodes in cluster reached");
    }

    @Test
    void upcomingNodesCountAgainstMaxNodesTotal() {
        group("ng", 2, 50, 1000, 16);
        upcoming.put("ng", 2);
        config = config.toBuilder().maxNodesTotal(3).build();

        ScaleUpResult r = plan(webs(10, 1000));

        assertThat(r.podsWith(PodVerdict.FITS_UPCOMING_NODE)).hasSize(2);
        assertThat(r.increases()).containsExactly(new GroupIncrease("ng", 2, 3, 50));
    }

    @Test
    void coresTotalSkipsGroupsWhoseNodeWouldExceedItAndCapsOthers() {
        group("big", 0, 50, 16000, 64);
        group("small", 0, 50, 2000, 8);
        snapshot.addNode(
                node("n1", 4000, 16).unschedulable(true).build()); // counts, but takes no pods
        config = config.toBuilder().coresTotal(0, 10).build();

        ScaleUpResult r = plan(webs(10, 1000));

        assertThat(r.group("big").skipReason())
                .isEqualTo("exceeded quota: \"cluster-wide\", resources: cpu");
        // 4 cores used, 6 left: three 2-core nodes, not the five the pods need.
        assertThat(r.increases()).containsExactly(new GroupIncrease("small", 0, 3, 50));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("capped from 5 to 3"));
    }

    @Test
    void theProvidersMemoryLimitCountsToo() {
        group("ng", 0, 50, 2000, 8);
        provider.limits(new ResourceLimits(Map.of(), Map.of("memory", 16L << 30)));

        ScaleUpResult r = plan(webs(10, 1000));

        assertThat(r.increases()).containsExactly(new GroupIncrease("ng", 0, 2, 50));
    }

    @Test
    void leastWasteChoosesTheBetterFittingGroupAndOthersWait() {
        group("big", 0, 10, 16000, 64);
        group("exact", 0, 10, 2000, 2);
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            pods.add(pod("w" + i, 1000, 1024).owner(RS).creationTime(LONG_AGO).build());
        }

        ScaleUpResult r = plan(pods);

        assertThat(r.increases()).containsExactly(new GroupIncrease("exact", 0, 1, 10));
        assertThat(r.expanderChoice().why()).startsWith("least-waste kept [exact] of [big, exact]");
    }

    @Test
    void podsHelpedOnlyByAnotherOptionWaitForTheNextLoop() {
        group("cpu", 0, 10, 4000, 4, "kind", "cpu");
        group("mem", 0, 10, 1000, 64, "kind", "mem");
        Pod cpuPod =
                pod("c", 3000, 100)
                        .owner(OwnerReference.controller("ReplicaSet", "c", "rs-c"))
                        .nodeSelector(Labels.of("kind", "cpu"))
                        .creationTime(LONG_AGO)
                        .build();
        Pod memPod =
                pod("m", 100, 60_000)
                        .owner(OwnerReference.controller("ReplicaSet", "m", "rs-m"))
                        .nodeSelector(Labels.of("kind", "mem"))
                        .creationTime(LONG_AGO)
                        .build();

        ScaleUpResult r = plan(List.of(cpuPod, memPod));

        assertThat(r.increases()).hasSize(1);
        String chosen = r.increases().get(0).nodeGroupId();
        String waitingPod = chosen.equals("cpu") ? "default/m" : "default/c";
        assertThat(r.pod(waitingPod).verdict()).isEqualTo(PodVerdict.HELPED_LATER);
        assertThat(r.pod(waitingPod).message()).contains("another option was chosen");
    }

    @Test
    void balancingSpreadsNewNodesOverSimilarGroups() {
        group("a", 1, 20, 1000, 4, ZONE, "a");
        group("b", 3, 20, 1000, 4, ZONE, "b");
        group("c", 6, 20, 1000, 4, ZONE, "c");
        config = config.toBuilder().balanceSimilarNodeGroups(true).build();

        ScaleUpResult r = plan(webs(4, 1000));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.SCALE_UP);
        assertThat(r.increases())
                .extracting(GroupIncrease::nodeGroupId, GroupIncrease::delta)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a", 3),
                        org.assertj.core.groups.Tuple.tuple("b", 1));
        assertThat(r.pod("default/web-0").message())
                .contains("{a 1->4 (max: 20)}")
                .contains("{b 3->4 (max: 20)}");
    }

    @Test
    void balancingLeavesOutGroupsThatDifferOrCannotTakeThePods() {
        group("a", 1, 20, 1000, 4, ZONE, "a", "disk", "ssd");
        group("b", 3, 20, 1000, 4, ZONE, "b", "disk", "hdd");
        group("c", 0, 20, 2000, 4, ZONE, "c", "disk", "ssd");
        config = config.toBuilder().balanceSimilarNodeGroups(true).build();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pods.add(web("w" + i, 1000).nodeSelector(Labels.of("disk", "ssd")).build());
        }

        ScaleUpResult r = plan(pods);

        assertThat(r.increases()).extracting(GroupIncrease::nodeGroupId).doesNotContain("b");
        assertThat(r.increases()).hasSize(1);
    }

    @Test
    void atomicGroupsScaleToMaxOrNotAtAll() {
        group("ng", 0, 4, 4000, 16).atomic(true);

        ScaleUpResult r = plan(webs(1, 1000));

        assertThat(r.increases()).containsExactly(new GroupIncrease("ng", 0, 4, 4));
    }

    @Test
    void theSnapshotIsUnchangedAndResultsAreStable() {
        group("b", 0, 10, 4000, 16);
        group("a", 0, 10, 4000, 16);
        snapshot.addNode(node("n1", 500, 1).build());
        List<Pod> pods = webs(7, 1000);
        long podsBefore = snapshot.podCount();

        ScaleUpResult first = plan(pods);
        ScaleUpResult second = plan(pods);

        assertThat(snapshot.nodeCount()).isEqualTo(1);
        assertThat(snapshot.podCount()).isEqualTo(podsBefore);
        assertThat(snapshot.forkDepth()).isZero();
        assertThat(first).isEqualTo(second);
        assertThat(first.groups()).extracting(GroupOutcome::nodeGroupId).containsExactly("a", "b");
        assertThat(first.pods()).extracting(PodOutcome::podKey).isSorted();
    }

    @Test
    void theFilterTimeBudgetLeavesPodsForTheNextLoop() {
        group("ng", 0, 10, 4000, 16);
        snapshot.addNode(node("n1", 64000, 64).build());
        config = config.toBuilder().maxSchedulableFilterDuration(Duration.ofSeconds(3)).build();
        Map<String, GroupTemplate> templates =
                new TemplateNodeBuilder(StepClock.fixed(NOW)).build(provider, snapshot, List.of());
        ScaleUpPlanner planner =
                new ScaleUpPlanner(
                        config,
                        ExpanderChain.defaultChain(new Random(1)),
                        new StepClock(NOW, Duration.ofSeconds(1)));

        ScaleUpResult r =
                planner.plan(
                        new ScaleUpInput(
                                snapshot, webs(10, 1000), provider, templates, upcoming, backoff));

        assertThat(r.podsWith(PodVerdict.FITS_EXISTING_NODE).size()).isBetween(1, 9);
        assertThat(r.podsWith(PodVerdict.IGNORED))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("ran out of its 3 s budget"));
    }

    @Test
    void aPodLargerThanEveryTemplateTriggersNothingAndSaysWhy() {
        group("a", 0, 10, 2000, 8);
        group("b", 0, 10, 4000, 8);

        ScaleUpResult r = plan(List.of(web("huge", 6000).build()));

        assertThat(r.status()).isEqualTo(ScaleUpStatus.NO_OPTIONS);
        assertThat(r.group("a").estimatedNodes()).isZero();
        assertThat(r.pod("default/huge").message())
                .isEqualTo("pod didn't trigger scale-up: 2 Insufficient cpu");
        assertThat(r.pod("default/huge").reasonsByGroup())
                .isEqualTo(
                        Map.of("a", List.of("Insufficient cpu"), "b", List.of("Insufficient cpu")));
    }

    @Test
    void duplicatePodUidsAreRejectedClearly() {
        Pod a = web("a", 100).uid("same").build();
        Pod b = web("b", 100).uid("same").build();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                new ScaleUpInput(
                                        snapshot, List.of(a, b), provider, Map.of(), null, null))
                .hasMessage("unscheduled pods default/a and default/b share uid same");
    }
}
