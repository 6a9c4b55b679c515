package org.k8sca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kube.election.LeaderElection;
import org.k8sca.kube.election.LeaseSettings;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.testing.Eventually;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Two autoscaler processes on one virtual cluster, each gated by its own {@link LeaderElection} on
 * the mock API server's Lease, as {@code run} gates its loop: a process acts only while it leads,
 * and once it has lost the Lease it never acts again (it would exit). The Lease runs on real time
 * with short durations; the scenarios wait for leadership with a bound and assert on what happened
 * (who acted in which step, what was created), never on how long anything took.
 */
class LeaderElectionScenarioTest {
    private VirtualCluster cluster;
    private final List<Contender> contenders = new ArrayList<>();

    @AfterEach
    void checkInvariantsAndClose() {
        if (cluster == null) {
            return;
        }
        try {
            assertThat(cluster.invariantViolations()).as("invariants after the scenario").isEmpty();
        } finally {
            contenders.forEach(Contender::close);
            cluster.close();
        }
    }

    /**
     * One autoscaler process: its own API client for the Lease (so that cutting it off touches
     * nothing else) and an {@link AutoscalerInstance} that may act while the election says it leads
     * and it has neither lost the Lease nor ended.
     */
    private final class Contender implements AutoCloseable {
        final String name;
        final KubernetesClient leaseClient;
        final LeaderElection election;
        final AutoscalerInstance instance;

        /** The step during which the election reported the loss; -1 while it has not. */
        final AtomicInteger lostAtStep = new AtomicInteger(-1);

        private volatile boolean ended;

        Contender(String name) {
            this.name = name;
            this.leaseClient =
                    new KubernetesClientBuilder()
                            .withConfig(
                                    new ConfigBuilder(Config.empty())
                                            .withMasterUrl(cluster.apiServer().baseUrl())
                                            .withRequestRetryBackoffLimit(0)
                                            .withUserAgent(userAgent())
                                            .build())
                            .build();
            this.election =
                    new LeaderElection(
                            leaseClient,
                            new LeaseSettings(
                                    VirtualCluster.NAMESPACE,
                                    LeaseSettings.DEFAULT_NAME,
                                    name,
                                    Duration.ofSeconds(6),
                                    Duration.ofSeconds(4),
                                    Duration.ofMillis(500)));
            this.instance = cluster.addAutoscaler(name, this::mayAct);
            election.start(() -> {}, () -> lostAtStep.compareAndSet(-1, cluster.steps()));
        }

        /** Marks this process's Lease requests, so the API server can refuse them. */
        String userAgent() {
            return "testkit-lease-" + name;
        }

        boolean leads() {
            return election.isLeading();
        }

        boolean mayAct() {
            return !ended && lostAtStep.get() < 0 && election.isLeading();
        }

        /** SIGTERM: the process stops acting, releases the Lease and ends. */
        void stepDown() {
            ended = true;
            election.stop();
            instance.close();
        }

        /** The process dies: nothing more is sent, the Lease is not released. */
        void crash() {
            ended = true;
            instance.close();
            leaseClient.close();
        }

        /**
         * The process lives on, but the API server answers its Lease requests with 503 (as during a
         * network partition or an overloaded API server).
         */
        void loseTheApiServerForTheLease() {
            cluster.apiServer()
                    .answer(
                            r -> userAgent().equals(r.getHeader("User-Agent")),
                            503,
                            "the API server is unavailable");
        }

        @Override
        public void close() {
            ended = true;
            election.stop();
            leaseClient.close();
        }
    }

    private Contender contender(String name) {
        Contender c = new Contender(name);
        contenders.add(c);
        return c;
    }

    /** Starts a cluster whose own autoscaler never acts, with contenders a and b; one leads. */
    private void startTwoContenders() throws Exception {
        cluster = VirtualCluster.builder().nodeGroup("ng1", 0, 5).start();
        cluster.gatePrimaryAutoscaler(() -> false);
        contender("a");
        contender("b");
        Eventually.await("a or b leads", () -> contenders.stream().anyMatch(Contender::leads));
    }

    private Contender leader() {
        return contenders.stream().filter(Contender::leads).findFirst().orElseThrow();
    }

    private Contender other(Contender c) {
        return contenders.stream().filter(x -> x != c).findFirst().orElseThrow();
    }

    private long boundPods(String app) {
        return cluster.objects().pods().stream()
                .filter(
                        p ->
                                app.equals(p.pod().labels().get("app"))
                                        && p.state() == SchedulingState.BOUND)
                .count();
    }

    private String leaseHolder() {
        Lease lease =
                cluster.client()
                        .leases()
                        .inNamespace(VirtualCluster.NAMESPACE)
                        .withName(LeaseSettings.DEFAULT_NAME)
                        .get();
        return lease.getSpec().getHolderIdentity();
    }

    /** Steps until {@code condition} holds; the real-time bound only guards against a hang. */
    private void stepUntil(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting for: " + what);
            }
            cluster.step();
        }
    }

    private void assertNeverBothActedInOneStep() {
        Set<Integer> seen = new HashSet<>();
        for (Contender c : contenders) {
            for (int step : c.instance.actedSteps()) {
                assertThat(seen.add(step))
                        .as("step %d: %s acted although another instance acted too", step, c.name)
                        .isTrue();
            }
        }
    }

    @Test
    void onlyTheLeaderActsAndABurstGetsExactlyOneCreate() throws Exception {
        startTwoContenders();
        Contender leader = leader();
        Contender follower = other(leader);

        // Two 900m pods fit one 2-core node. A follower that acted would not know the leader's
        // create in flight and would send a second one.
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));
        cluster.runUntil("both pods run", () -> boundPods("web") == 2, Duration.ofMinutes(10));
        cluster.run(Duration.ofMinutes(3));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(1);
        assertThat(leaseHolder()).isEqualTo(leader.name);
        assertThat(leader.instance.actedSteps())
                .as("the leader acted in every step")
                .hasSize(cluster.steps());
        assertThat(leader.instance.turns())
                .as("still leading after each of its loops")
                .allMatch(AutoscalerInstance.Turn::mayActAfter);
        assertThat(follower.instance.turns()).hasSize(cluster.steps());
        assertThat(follower.instance.actedSteps()).as("the follower never acted").isEmpty();
        assertNeverBothActedInOneStep();
    }

    @Test
    void whenTheLeaderCrashesTheFollowerTakesOverAndActsAlone() throws Exception {
        startTwoContenders();
        Contender leader = leader();
        Contender follower = other(leader);
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));
        cluster.runUntil("both pods run", () -> boundPods("web") == 2, Duration.ofMinutes(10));
        int crashStep = cluster.steps();

        leader.crash();
        // Nothing releases the Lease: the follower waits for it to expire.
        Eventually.await("the follower leads", follower::leads);
        assertThat(leaseHolder()).isEqualTo(follower.name);

        cluster.apply(Workload.of("web", 4, "900m", "256Mi"));
        cluster.runUntil("all four pods run", () -> boundPods("web") == 4, Duration.ofMinutes(10));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER))
                .as("one create before the crash, one after")
                .hasSize(2);
        assertThat(leader.instance.actedSteps()).allMatch(s -> s <= crashStep);
        assertThat(follower.instance.actedSteps())
                .as("the new leader acted in every step after the crash")
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(crashStep + 1, cluster.steps())
                                .boxed()
                                .toList());
        assertNeverBothActedInOneStep();
    }

    @Test
    void aLeaderThatStepsDownReleasesTheLeaseAndTheFollowerTakesOver() throws Exception {
        startTwoContenders();
        Contender leader = leader();
        Contender follower = other(leader);
        cluster.run(Duration.ofMinutes(1));
        int stepDownStep = cluster.steps();

        leader.stepDown();
        Eventually.await("the follower leads", follower::leads);
        assertThat(leaseHolder()).isEqualTo(follower.name);
        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));
        cluster.runUntil("both pods run", () -> boundPods("web") == 2, Duration.ofMinutes(10));

        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(1);
        assertThat(leader.lostAtStep).as("a release is not a loss").hasValue(-1);
        assertThat(leader.instance.actedSteps()).isNotEmpty().allMatch(s -> s <= stepDownStep);
        assertThat(follower.instance.actedSteps()).isNotEmpty().allMatch(s -> s > stepDownStep);
        assertNeverBothActedInOneStep();
    }

    @Test
    void aLeaderThatCannotRenewStopsActingBeforeTheFollowerTakesOver() throws Exception {
        startTwoContenders();
        Contender leader = leader();
        Contender follower = other(leader);
        cluster.run(Duration.ofMinutes(1));
        int cutStep = cluster.steps();

        // The old leader keeps running its loop each step while it still believes it leads.
        leader.loseTheApiServerForTheLease();
        stepUntil("the follower leads", follower::leads);
        stepUntil("the follower acts", () -> !follower.instance.actedSteps().isEmpty());

        assertThat(leader.lostAtStep.get())
                .as("the old leader's election reported the loss")
                .isGreaterThanOrEqualTo(cutStep);
        int lastOfOld = leader.instance.actedSteps().stream().max(Integer::compare).orElseThrow();
        int firstOfNew = follower.instance.actedSteps().get(0);
        assertThat(lastOfOld)
                .as("the old leader acted last before it learnt of the loss")
                .isLessThanOrEqualTo(leader.lostAtStep.get());
        assertThat(lastOfOld).as("and before the new leader's first act").isLessThan(firstOfNew);

        cluster.apply(Workload.of("web", 2, "900m", "256Mi"));
        cluster.runUntil("both pods run", () -> boundPods("web") == 2, Duration.ofMinutes(10));
        assertThat(cluster.simulator().journal(Endpoint.CREATE_SERVER)).hasSize(1);
        assertThat(leader.instance.actedSteps()).as("never again").last().isEqualTo(lastOfOld);
        assertThat(leaseHolder()).isEqualTo(follower.name);
        assertNeverBothActedInOneStep();
    }

    @Test
    void aLeaderWhoseRenewalsFailWithoutAnApiErrorStillStopsActing() throws Exception {
        startTwoContenders();
        Contender leader = leader();
        Contender follower = other(leader);
        cluster.run(Duration.ofMinutes(1));

        leader.leaseClient.close();
        stepUntil("the follower leads", follower::leads);
        stepUntil("the follower acts", () -> !follower.instance.actedSteps().isEmpty());

        assertThat(leader.leads()).as("the old leader still believes it leads").isFalse();
        assertNeverBothActedInOneStep();
    }
}
