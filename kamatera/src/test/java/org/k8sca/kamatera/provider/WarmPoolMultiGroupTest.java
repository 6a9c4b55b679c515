package org.k8sca.kamatera.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.kamatera.provider.ProviderHarness.node;
import static org.k8sca.kamatera.provider.ProviderHarness.tagsOf;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.model.Node;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.model.ServerView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Several node groups in warm-pool mode under random scale-ups, scale-downs, cancellations and
 * failing commands (a seeded property-style test; {@code -Dtest.seed=N} explores other seeds). When
 * everything has settled: every powered-off server that was not terminated is a pool member of its
 * group within the group's cap, listed as a STOPPED instance of the group outside its target size;
 * every powered-on server is a running instance; no instance lacks a server. At every step the
 * target size leaves STOPPED instances out. Upstream loses power-off completions with several
 * groups (§6.3 #1), leaving servers off but never pooled or terminated.
 */
class WarmPoolMultiGroupTest {

    private static final long SEED = Long.getLong("test.seed", 42L);

    /** Group name to pool cap (0 = unlimited). */
    private static final Map<String, Integer> CAPS = Map.of("ng1", 1, "ng2", 2, "ng3", 0);

    @Test
    void everyPoweredOffServerEndsInItsPoolWithinTheCapOrTerminated() {
        for (long round = 0; round < 3; round++) {
            runScenario(SEED + round);
        }
    }

    private void runScenario(long seed) {
        Random random = new Random(seed);
        StringBuilder groups = new StringBuilder();
        for (String group : List.of("ng1", "ng2", "ng3")) {
            groups.append("[nodegroup \"")
                    .append(group)
                    .append("\"]\nname-prefix=")
                    .append(group)
                    .append(
                            "\n"
                                    + "min-size=0\n"
                                    + "max-size=8\n"
                                    + "poweroff-on-scale-down=true\n"
                                    + "poweron-on-scale-up=")
                    .append(random.nextBoolean())
                    .append("\npoweroff-on-scale-down-max-servers=")
                    .append(CAPS.get(group))
                    .append('\n');
        }
        try (ProviderHarness h =
                new ProviderHarness("min-refresh-interval=0s", groups.toString(), seed)) {
            for (String group : CAPS.keySet()) {
                for (int i = 0; i < 4; i++) {
                    h.addServer(group + "-init0000" + i + "00", "on", tagsOf(group));
                }
            }
            h.refresh();
            for (int step = 0; step < 40; step++) {
                String group = List.of("ng1", "ng2", "ng3").get(random.nextInt(3));
                switch (random.nextInt(5)) {
                    case 0, 1 -> scaleDown(h, group, random);
                    case 2 -> tryIt(() -> h.group(group).increaseSize(1 + random.nextInt(2)));
                    case 3 -> tryIt(() -> h.group(group).decreaseTargetSize(-1));
                    default ->
                            h.sim.faults()
                                    .failNextCommands(
                                            random.nextBoolean()
                                                    ? CommandKind.POWER_OFF
                                                    : CommandKind.TERMINATE,
                                            1,
                                            random.nextBoolean() ? "error" : "cancelled",
                                            "injected");
                }
                h.clock.advanceSeconds(random.nextInt(45));
                h.refresh();
                checkTargetLeavesOutThePool(h, seed, step);
            }
            h.settle();
            h.settle();
            assertThat(h.requests(org.k8sca.kamatera.sim.knobs.Endpoint.POWER_OFF))
                    .as("seed " + seed)
                    .isPositive();
            assertThat(h.requests(org.k8sca.kamatera.sim.knobs.Endpoint.TERMINATE))
                    .as("seed " + seed)
                    .isPositive();
            checkInvariants(h, seed);
        }
    }

    private static void scaleDown(ProviderHarness h, String group, Random random) {
        List<Node> victims = new ArrayList<>();
        for (Instance instance : h.group(group).nodes()) {
            if (instance.state() == InstanceState.RUNNING && random.nextInt(3) > 0) {
                victims.add(node(instance.id().substring("kamatera://".length())));
            }
        }
        if (!victims.isEmpty()) {
            tryIt(() -> h.group(group).deleteNodes(victims));
        }
    }

    private static void tryIt(Runnable action) {
        try {
            action.run();
        } catch (CloudProviderException e) {
            // Refused requests (too large, nothing to cancel) are part of the game.
        }
    }

    private static void checkInvariants(ProviderHarness h, long seed) {
        String where = "seed " + seed;
        Map<String, Long> pooled = new java.util.HashMap<>();
        for (ServerView server : h.sim.servers()) {
            if (server.state() == org.k8sca.kamatera.sim.model.ServerState.TERMINATED) {
                continue;
            }
            String group = server.name().substring(0, 3);
            Node node = node(server.name());
            if (server.power().equals("off")) {
                assertThat(h.instance(group, server.name()).state())
                        .as(
                                where
                                        + ": off server "
                                        + server.name()
                                        + " is a STOPPED instance of its group")
                        .isEqualTo(InstanceState.STOPPED);
                assertThat(h.provider.isStandby(node))
                        .as(where + ": off server " + server.name() + " is pooled")
                        .isTrue();
                assertThat(h.provider.nodeGroupFor(node))
                        .as(where + ": off server " + server.name())
                        .isEmpty();
                pooled.merge(group, 1L, Long::sum);
            } else {
                assertThat(h.provider.nodeGroupFor(node))
                        .as(where + ": on server " + server.name())
                        .isPresent();
                assertThat(h.provider.isStandby(node))
                        .as(where + ": on server " + server.name())
                        .isFalse();
                assertThat(h.instance(group, server.name()).state())
                        .as(where)
                        .isEqualTo(InstanceState.RUNNING);
            }
        }
        for (Map.Entry<String, Integer> cap : CAPS.entrySet()) {
            String group = cap.getKey();
            if (cap.getValue() > 0) {
                assertThat(pooled.getOrDefault(group, 0L))
                        .as(where + ": pool of " + group)
                        .isLessThanOrEqualTo(cap.getValue());
            }
            List<Instance> instances = h.group(group).nodes();
            for (Instance instance : instances) {
                assertThat(instance.state())
                        .as(where + ": " + instance)
                        .isIn(InstanceState.RUNNING, InstanceState.STOPPED);
                assertThat(instance.hasError()).as(where + ": " + instance).isFalse();
                assertThat(h.liveServers())
                        .as(where)
                        .contains(instance.id().substring("kamatera://".length()));
            }
            assertThat(instances.stream().filter(i -> i.state() == InstanceState.STOPPED).count())
                    .as(where + ": stopped instances of " + group)
                    .isEqualTo(pooled.getOrDefault(group, 0L));
            assertThat(h.group(group).targetSize())
                    .as(where + ": target of " + group + " leaves out the pool")
                    .isEqualTo(
                            instances.stream()
                                    .filter(i -> i.state() == InstanceState.RUNNING)
                                    .count());
        }
    }

    /**
     * At every step: the target size counts exactly the running and creating instances, never
     * STOPPED ones.
     */
    private static void checkTargetLeavesOutThePool(ProviderHarness h, long seed, int step) {
        for (String group : CAPS.keySet()) {
            List<Instance> instances = h.group(group).nodes();
            long counted =
                    instances.stream()
                            .filter(
                                    i ->
                                            i.state() == InstanceState.RUNNING
                                                    || i.state() == InstanceState.CREATING)
                            .count();
            assertThat(h.group(group).targetSize())
                    .as("seed " + seed + ", step " + step + ", group " + group + ": " + instances)
                    .isEqualTo(counted);
        }
    }
}
