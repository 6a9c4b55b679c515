package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The autoscaler with DaemonSets, StatefulSets and Jobs: DaemonSet pods count on a new node and do
 * not keep an idle one; a StatefulSet's pods come back under their own names and its budget holds;
 * finished Job pods free their nodes, and running ones are moved like any replicated pod unless
 * they say they are not safe to evict. Every scenario ends with the {@link InvariantChecker}.
 */
class WorkloadKindsScenarioTest {
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

    private List<ObservedPod> podsWithLabel(String key, String value) {
        return cluster.objects().pods().stream()
                .filter(p -> value.equals(p.pod().labels().get(key)))
                .toList();
    }

    private long bound(String key, String value) {
        return podsWithLabel(key, value).stream()
                .filter(p -> p.state() == SchedulingState.BOUND)
                .count();
    }

    /** When each create request reached Kamatera, one entry per distinct (virtual) moment. */
    private Set<Instant> createMoments() {
        Set<Instant> moments = new HashSet<>();
        for (RecordedRequest r : cluster.simulator().journal(Endpoint.CREATE_SERVER)) {
            moments.add(r.receivedAt());
        }
        return moments;
    }

    private Map<String, List<String>> podsByNode(String key, String value) {
        Map<String, List<String>> out = new HashMap<>();
        for (ObservedPod p : podsWithLabel(key, value)) {
            if (p.state() == SchedulingState.BOUND) {
                out.computeIfAbsent(p.pod().nodeName(), n -> new ArrayList<>()).add(p.key());
            }
        }
        return out;
    }

    @Test
    void aScaleUpLeavesRoomForTheDaemonSetPodsOfTheNewNodes() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 8).start();
        // 500m of every 2-core node goes to the daemon: one 800m pod per node, not two.
        cluster.apply(DaemonSetWorkload.of("agent", "500m", "64Mi"));
        cluster.apply(Workload.of("web", 4, "800m", "256Mi"));

        cluster.runUntil(
                "all 4 web pods run", () -> bound("app", "web") == 4, Duration.ofMinutes(10));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("one node per web pod, from the group's template plus the DaemonSet")
                .hasSize(4);
        assertThat(createMoments()).as("all in one scale-up").hasSize(1);
        Map<String, List<String>> agents = podsByNode("daemon", "agent");
        assertThat(agents.keySet()).isEqualTo(cluster.nodeNames());
        assertThat(agents.values()).allSatisfy(pods -> assertThat(pods).hasSize(1));
        assertThat(podsWithLabel("daemon", "agent"))
                .allSatisfy(p -> assertThat(p.pod().isDaemonSetPod()).isTrue());

        // Now the template comes from a Ready node, with its DaemonSet pod on it.
        cluster.apply(Workload.of("web", 6, "800m", "256Mi"));
        cluster.runUntil(
                "all 6 web pods run", () -> bound("app", "web") == 6, Duration.ofMinutes(10));
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(6);
        assertThat(createMoments()).as("again in one scale-up").hasSize(2);
        assertThat(podsByNode("daemon", "agent").keySet()).isEqualTo(cluster.nodeNames());
    }

    @Test
    void daemonSetPodsNeitherKeepAnIdleNodeNorFollowItsPodsElsewhere() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 5).start();
        cluster.apply(DaemonSetWorkload.of("agent", "300m", "64Mi"));
        for (String n : List.of("ng1-a", "ng1-b", "ng1-c")) {
            cluster.addServer(n, "ng1");
        }
        cluster.runUntil(
                "three nodes with their DaemonSet pods",
                () -> bound("daemon", "agent") == 3,
                Duration.ofMinutes(2));
        cluster.apply(Workload.of("web", 1, "200m", "128Mi"));

        cluster.run(Duration.ofMinutes(30));

        // A DaemonSet pod is pinned to its node: had the planner tried to move it, no node but
        // the web pod's could go.
        assertThat(cluster.nodeNames()).hasSize(1);
        assertThat(bound("app", "web")).isEqualTo(1);
        assertThat(podsWithLabel("daemon", "agent"))
                .as("exactly the remaining node's DaemonSet pod, none pending")
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.state()).isEqualTo(SchedulingState.BOUND);
                            assertThat(cluster.nodeNames()).contains(p.pod().nodeName());
                        });
    }

    @Test
    void anEvictedStatefulSetPodComesBackUnderItsNameAndTheBudgetHoldsWhileNodesGo()
            throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 1, 6).start();
        for (String n : List.of("ng1-a", "ng1-b", "ng1-c", "ng1-d")) {
            cluster.addServer(n, "ng1");
        }
        cluster.runUntil(
                "four nodes register",
                () -> cluster.nodeNames().size() == 4,
                Duration.ofMinutes(2));
        Workload db = Workload.statefulSet("db", 4, "400m", "256Mi");
        cluster.addDisruptionBudget(db, 1);
        cluster.apply(db);
        cluster.runUntil("the pods run", () -> bound("app", "db") == 4, Duration.ofMinutes(1));
        Map<String, String> firstUids = new HashMap<>();
        podsWithLabel("app", "db").forEach(p -> firstUids.put(p.key(), p.pod().uid()));
        assertThat(firstUids.keySet())
                .containsExactlyInAnyOrder(
                        "default/db-0", "default/db-1", "default/db-2", "default/db-3");

        int maxConcurrentDrains = 0;
        Instant end = cluster.now().plus(Duration.ofMinutes(60));
        while (cluster.now().isBefore(end) && cluster.nodeNames().size() > 1) {
            cluster.step();
            maxConcurrentDrains =
                    Math.max(
                            maxConcurrentDrains,
                            cluster.assembly().actuator().inFlight().drainCount());
        }
        cluster.runUntil(
                "all four run again", () -> bound("app", "db") == 4, Duration.ofMinutes(2));

        assertThat(cluster.nodeNames()).as("packed onto one node").hasSize(1);
        Map<String, String> lastUids = new HashMap<>();
        podsWithLabel("app", "db").forEach(p -> lastUids.put(p.key(), p.pod().uid()));
        assertThat(lastUids.keySet()).as("the same names").isEqualTo(firstUids.keySet());
        long recreated =
                lastUids.entrySet().stream()
                        .filter(e -> !e.getValue().equals(firstUids.get(e.getKey())))
                        .count();
        assertThat(recreated)
                .as("the pods of the three removed nodes were evicted and came back")
                .isEqualTo(3);
        assertThat(cluster.pdbBreaches()).isEmpty();
        assertThat(maxConcurrentDrains).as("drains at once").isEqualTo(1);
    }

    @Test
    void finishedJobPodsFreeTheirNodes() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 5).start();
        // 900m each: two per 2-core node.
        cluster.apply(JobWorkload.of("batch", 4, 4, "900m", "256Mi", Duration.ofMinutes(20)));

        cluster.runUntil(
                "all four pods run", () -> bound("job-name", "batch") == 4, Duration.ofMinutes(10));
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(2);
        cluster.runUntil(
                "the job completes",
                () -> cluster.workloads().succeededPods("default", "batch") == 4,
                Duration.ofMinutes(25));
        var job =
                cluster.client().batch().v1().jobs().inNamespace("default").withName("batch").get();
        assertThat(job.getStatus().getSucceeded()).isEqualTo(4);
        assertThat(job.getStatus().getActive()).isZero();
        cluster.runUntil(
                "the idle nodes are removed",
                () -> cluster.nodeNames().isEmpty(),
                Duration.ofMinutes(20));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("no node for finished pods")
                .hasSize(2);
        assertThat(cluster.workloads().succeededPods("default", "batch"))
                .as("no pod was evicted and rerun")
                .isEqualTo(4);
        assertThat(cluster.apiServer().requests())
                .filteredOn(r -> r.contains("/eviction"))
                .isEmpty();
    }

    /** Two nodes; ng1-b may not be scaled down; a long Job pod on ng1-a (the first by name). */
    private void startJobOnNodeA(JobWorkload job) throws Exception {
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
        cluster.apply(job);
        cluster.runUntil(
                "the job pod runs",
                () -> bound("job-name", job.name()) == 1,
                Duration.ofMinutes(1));
        assertThat(podsByNode("job-name", job.name())).containsOnlyKeys("ng1-a");
    }

    @Test
    void aRunningJobPodIsMovedLikeAnyReplicatedPod() throws Exception {
        // What the core does (as upstream): a Job recreates its pods, so they are replicated.
        startJobOnNodeA(JobWorkload.of("report", 1, 1, "200m", "128Mi", Duration.ofHours(2)));

        cluster.run(Duration.ofMinutes(30));

        assertThat(cluster.nodeNames()).containsExactly("ng1-b");
        assertThat(cluster.apiServer().requests())
                .filteredOn(r -> r.contains("/pods/report-1/eviction"))
                .isNotEmpty();
        assertThat(podsByNode("job-name", "report"))
                .as("its replacement runs on the other node")
                .isEqualTo(Map.of("ng1-b", List.of("default/report-2")));
    }

    @Test
    void aJobPodThatIsNotSafeToEvictKeepsItsNodeUntilItCompletes() throws Exception {
        startJobOnNodeA(
                JobWorkload.of("report", 1, 1, "200m", "128Mi", Duration.ofMinutes(40))
                        .withAnnotations(
                                Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false")));

        cluster.run(Duration.ofMinutes(30));
        assertThat(cluster.nodeNames()).containsExactlyInAnyOrder("ng1-a", "ng1-b");
        assertThat(podsByNode("job-name", "report"))
                .isEqualTo(Map.of("ng1-a", List.of("default/report-1")));

        cluster.runUntil(
                "the finished job's node goes",
                () -> cluster.nodeNames().size() == 1,
                Duration.ofMinutes(30));
        assertThat(cluster.nodeNames()).containsExactly("ng1-b");
        assertThat(cluster.workloads().succeededPods("default", "report")).isEqualTo(1);
        assertThat(cluster.apiServer().requests())
                .filteredOn(r -> r.contains("/eviction"))
                .isEmpty();
    }
}
