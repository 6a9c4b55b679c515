package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.model.ServerState;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first end-to-end scenarios: the real autoscaler in a {@link VirtualCluster}. Every scenario
 * ends with the {@link InvariantChecker}.
 */
class ScenarioTest {
    private VirtualCluster cluster;

    @AfterEach
    void checkInvariantsAndClose() {
        if (cluster == null) {
            return;
        }
        try {
            assertThat(cluster.invariantViolations()).as("invariants after the scenario").isEmpty();
        } finally {
            cluster.close();
        }
    }

    private long boundPods(String app) {
        return cluster.objects().pods().stream()
                .filter(
                        p ->
                                p.pod().labels().get("app").equals(app)
                                        && p.state() == SchedulingState.BOUND)
                .count();
    }

    private long liveServers() {
        return cluster.simulator().servers().stream()
                .filter(s -> s.state() != ServerState.TERMINATED)
                .count();
    }

    @Test
    void aBurstScalesOneNodeToAsManyAsThePodsNeed() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 5).start();
        cluster.addServer("ng1-first", "ng1");
        cluster.runUntil(
                "the first node registers",
                () -> cluster.nodeNames().size() == 1,
                Duration.ofMinutes(2));

        // 900m each: two fit on a 2-core node, so 7 pods need 4 nodes.
        cluster.apply(Workload.of("web", 7, "900m", "256Mi"));
        cluster.runUntil("all 7 pods run", () -> boundPods("web") == 7, Duration.ofMinutes(15));

        assertThat(cluster.nodeNames()).hasSize(4);
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("one create per missing node")
                .hasSize(3);
        cluster.run(Duration.ofMinutes(3));
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("nothing more once they run")
                .hasSize(3);
    }

    @Test
    void aPodNoGroupCanHoldGivesNoScaleUpAndANotTriggerScaleUpEvent() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 5).start();
        cluster.apply(Workload.of("huge", 1, "16", "256Mi"));

        cluster.run(Duration.ofMinutes(3));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).isEmpty();
        assertThat(cluster.pendingPods())
                .extracting(p -> p.key())
                .containsExactly("default/huge-1");
        List<Event> events =
                cluster.events().stream()
                        .filter(
                                e ->
                                        "huge-1".equals(e.getInvolvedObject().getName())
                                                && "NotTriggerScaleUp".equals(e.getReason()))
                        .toList();
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).getMessage()).contains("Insufficient cpu");
    }

    @Test
    void noSecondScaleUpWhileTheFirstNodeBoots() throws Exception {
        // Slow machines: 3 minutes to create, 2 more before the kubelet registers.
        cluster =
                VirtualCluster.builder()
                        .nodeGroup("ng1", 0, 5)
                        .commandDuration(Duration.ofMinutes(3))
                        .kubeletDelay(Duration.ofMinutes(2))
                        .start();
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));

        cluster.runUntil("both pods run", () -> boundPods("web") == 2, Duration.ofMinutes(10));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(1);
        assertThat(cluster.nodeNames()).hasSize(1);
    }

    @Test
    void anUnneededNodeIsRemovedAfterTheUnneededTimeAndNotBefore() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 5).start();
        cluster.addServer("ng1-a", "ng1");
        cluster.addServer("ng1-b", "ng1");
        cluster.runUntil(
                "both nodes register",
                () -> cluster.nodeNames().size() == 2,
                Duration.ofMinutes(2));
        Instant idleSince = cluster.now();
        cluster.apply(Workload.of("web", 1, "200m", "256Mi"));
        cluster.runUntil("the pod runs", () -> boundPods("web") == 1, Duration.ofMinutes(1));

        cluster.runUntil(
                "a node is removed", () -> cluster.nodeNames().size() == 1, Duration.ofMinutes(20));

        Duration unneeded = cluster.settings().groupDefaults().scaleDownUnneededTime();
        assertThat(Duration.between(idleSince, cluster.now()))
                .isGreaterThanOrEqualTo(unneeded)
                .isLessThanOrEqualTo(unneeded.plusMinutes(2));
        cluster.runUntil("the pod runs again", () -> boundPods("web") == 1, Duration.ofMinutes(2));
        cluster.runUntil(
                "the removed server is gone", () -> liveServers() == 1, Duration.ofMinutes(2));
        cluster.run(Duration.ofMinutes(15));
        assertThat(cluster.nodeNames()).as("min size 1 keeps the last node").hasSize(1);
    }

    @Test
    void aBudgetAllowingOneDisruptionDrainsOneNodeAtATime() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 6).start();
        for (String n : List.of("ng1-a", "ng1-b", "ng1-c", "ng1-d")) {
            cluster.addServer(n, "ng1");
        }
        cluster.runUntil(
                "four nodes register",
                () -> cluster.nodeNames().size() == 4,
                Duration.ofMinutes(2));
        // The scheduler spreads: one 400m pod per node, 20% used each, all four nodes unneeded.
        Workload web = Workload.of("web", 4, "400m", "256Mi");
        cluster.addDisruptionBudget(web, 1);
        cluster.apply(web);
        cluster.runUntil("the pods run", () -> boundPods("web") == 4, Duration.ofMinutes(1));
        assertThat(cluster.objects().pods())
                .extracting(p -> p.pod().nodeName())
                .doesNotHaveDuplicates();

        List<Integer> nodeCounts = new ArrayList<>();
        int maxConcurrentDrains = 0;
        Instant end = cluster.now().plus(Duration.ofMinutes(60));
        while (cluster.now().isBefore(end) && cluster.nodeNames().size() > 1) {
            cluster.step();
            maxConcurrentDrains =
                    Math.max(
                            maxConcurrentDrains,
                            cluster.assembly().actuator().inFlight().drainCount());
            nodeCounts.add(cluster.nodeNames().size());
        }

        assertThat(cluster.nodeNames())
                .as("packed onto one node (4 x 400m fits 2 cores)")
                .hasSize(1);
        cluster.runUntil(
                "the last evicted pod runs again",
                () -> boundPods("web") == 4,
                Duration.ofMinutes(1));
        assertThat(cluster.pdbBreaches()).isEmpty();
        for (int i = 1; i < nodeCounts.size(); i++) {
            assertThat(nodeCounts.get(i - 1) - nodeCounts.get(i))
                    .as("nodes removed in step %d", i)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(maxConcurrentDrains).as("drains at once").isEqualTo(1);
        assertThat(cluster.apiServer().requests())
                .filteredOn(r -> r.contains("/eviction"))
                .isNotEmpty();
    }

    @Test
    void aGroupAtZeroScalesUpForPodsThatMatchItsTemplateLabelsAndTolerateItsTaints()
            throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup("general", 0, 3)
                        .nodeGroup(
                                "special",
                                0,
                                2,
                                "template-label=pool=special",
                                "template-taint=dedicated=special:NoSchedule")
                        .start();
        cluster.apply(
                Workload.of("batch", 1, "500m", "256Mi")
                        .withNodeSelector(Map.of("pool", "special"))
                        .withTolerations(Map.of("dedicated", "special")));
        cluster.apply(Workload.of("web", 1, "500m", "256Mi"));

        cluster.runUntil(
                "both pods run",
                () -> boundPods("batch") + boundPods("web") == 2,
                Duration.ofMinutes(10));

        Map<String, String> nodeOf = new HashMap<>();
        cluster.objects()
                .pods()
                .forEach(p -> nodeOf.put(p.pod().labels().get("app"), p.pod().nodeName()));
        assertThat(nodeOf.get("batch")).startsWith("special-");
        assertThat(nodeOf.get("web"))
                .as("an untolerating pod stays off the tainted group")
                .startsWith("general-");
        io.fabric8.kubernetes.api.model.Node special =
                cluster.client().nodes().withName(nodeOf.get("batch")).get();
        assertThat(special.getMetadata().getLabels()).containsEntry("pool", "special");
        assertThat(special.getSpec().getTaints())
                .extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                .containsExactly("dedicated=special:NoSchedule");
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(2);
    }

    /**
     * Three nodes, a movable web pod on ng1-a, the {@code blocker} on ng1-b, ng1-c empty: with min
     * size 0 everything would pack onto one node. Returns once the scale-down settled.
     */
    private void runThreeNodesWith(Workload blocker) throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 5).start();
        for (String n : List.of("ng1-a", "ng1-b", "ng1-c")) {
            cluster.addServer(n, "ng1");
        }
        cluster.runUntil(
                "three nodes register",
                () -> cluster.nodeNames().size() == 3,
                Duration.ofMinutes(2));
        cluster.apply(Workload.of("web", 1, "200m", "128Mi"));
        cluster.step();
        cluster.apply(blocker);
        cluster.runUntil(
                "both pods run",
                () -> boundPods("web") + boundPods(blocker.name()) == 2,
                Duration.ofMinutes(1));
        assertThat(nodeOfPod(blocker.namespace() + "/" + blocker.name() + "-1")).isEqualTo("ng1-b");
        cluster.run(Duration.ofMinutes(30));
    }

    private String nodeOfPod(String key) {
        return cluster.objects().pods().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .map(p -> p.pod().nodeName())
                .orElse(null);
    }

    @Test
    void aKubeSystemPodWithoutBudgetKeepsItsNode() throws Exception {
        runThreeNodesWith(Workload.of("dns", 1, "200m", "128Mi").inNamespace("kube-system"));

        assertThat(cluster.nodeNames()).containsExactly("ng1-b");
        assertThat(nodeOfPod("kube-system/dns-1")).as("never evicted").isEqualTo("ng1-b");
        assertThat(nodeOfPod("default/web-2")).as("web moved").isEqualTo("ng1-b");
    }

    @Test
    void aPodThatIsNotSafeToEvictKeepsItsNode() throws Exception {
        runThreeNodesWith(
                Workload.of("db", 1, "200m", "128Mi")
                        .withAnnotations(
                                Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false")));

        assertThat(cluster.nodeNames()).containsExactly("ng1-b");
        assertThat(nodeOfPod("default/db-1")).as("never evicted").isEqualTo("ng1-b");
    }

    @Test
    void withoutABlockerTheSameClusterPacksOntoOneNodeOfItsChoice() throws Exception {
        runThreeNodesWith(Workload.of("batch", 1, "200m", "128Mi"));

        assertThat(cluster.nodeNames()).hasSize(1);
    }

    @Test
    void aNodeWithScaleDownDisabledIsKept() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 5).start();
        cluster.addServer("ng1-a", "ng1");
        cluster.addServer("ng1-b", "ng1");
        cluster.runUntil(
                "two nodes register", () -> cluster.nodeNames().size() == 2, Duration.ofMinutes(2));
        cluster.client()
                .nodes()
                .withName("ng1-b")
                .edit(
                        n -> {
                            n.getMetadata()
                                    .getAnnotations()
                                    .put(
                                            "cluster-autoscaler.kubernetes.io/scale-down-disabled",
                                            "true");
                            return n;
                        });

        cluster.run(Duration.ofMinutes(30));

        assertThat(cluster.nodeNames()).containsExactly("ng1-b");
    }

    @Test
    void aWarmPoolServerIsPoweredOffOnScaleDownAndPoweredOnBeforeAnyCreate() throws Exception {
        cluster =
                VirtualCluster.builder()
                        .nodeGroup(
                                "ng1",
                                1,
                                4,
                                "poweroff-on-scale-down=true",
                                "poweron-on-scale-up=true")
                        .start();
        cluster.addServer("ng1-a", "ng1");
        cluster.addServer("ng1-b", "ng1");
        cluster.runUntil(
                "two nodes register", () -> cluster.nodeNames().size() == 2, Duration.ofMinutes(2));
        Workload web = Workload.of("web", 1, "900m", "256Mi");
        cluster.apply(web);

        cluster.runUntil(
                "one node is scaled down",
                () -> cluster.nodeNames().size() == 1,
                Duration.ofMinutes(20));
        String parked =
                cluster.simulator().servers().stream()
                        .filter(sv -> !cluster.nodeNames().contains(sv.name()))
                        .findFirst()
                        .orElseThrow()
                        .name();
        cluster.runUntil(
                "its server is powered off",
                () -> "off".equals(cluster.simulator().server(parked).orElseThrow().power()),
                Duration.ofMinutes(2));
        assertThat(cluster.simulator().server(parked).orElseThrow().state())
                .isEqualTo(ServerState.ACTIVE);
        assertThat(cluster.invariantViolations())
                .as("a parked server is in the warm pool, not leaked")
                .isEmpty();

        cluster.apply(web.withReplicas(4)); // two nodes' worth
        cluster.runUntil("all four pods run", () -> boundPods("web") == 4, Duration.ofMinutes(10));

        assertThat(cluster.nodeNames()).contains(parked);
        assertThat(cluster.simulator().journal(Endpoint.POWER_ON)).isNotEmpty();
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("the warm server sufficed")
                .isEmpty();
    }
}
