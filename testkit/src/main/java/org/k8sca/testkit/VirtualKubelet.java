package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.core.model.Taint;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.NodeGroupConfig;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.model.CommandView;
import org.k8sca.kamatera.sim.model.ServerState;
import org.k8sca.kamatera.sim.model.ServerView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the kubelets of the cluster's Kamatera servers: a server that has been powered on for
 * {@code registrationDelay} registers a Ready Node named after it ({@code kamatera://<name>},
 * capacity from its cpu, ram and first disk, allocatable what is left after its group's {@code
 * kube-reserved}, {@code system-reserved} and {@code eviction-hard} (see {@link
 * KubeletReservations}), its group's template labels and taints); a server powered off, or being
 * powered off or terminated, has its Node marked NotReady; a server that is gone has its Node
 * deleted (as a cloud controller manager would; see {@link #keepNodesOfGoneServers()} for a cluster
 * without one), and pods bound to a missing Node are deleted as the pod garbage collector would.
 */
public final class VirtualKubelet {
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    private final KubernetesClient client;
    private final KamateraSimulator sim;
    private final CloudConfig config;
    private final Duration registrationDelay;

    /** When each running server was first seen powered on (its boot started). */
    private final Map<String, Instant> onSince = new HashMap<>();

    /** Names of the Nodes this kubelet registered: the only ones it ever deletes. */
    private final Set<String> registered = new HashSet<>();

    /** Per group: what its kubelets reserve instead of what the cloud config says. */
    private final Map<String, KubeletReservations> overrides = new HashMap<>();

    /** Whether the Node of a gone server stays (NotReady) instead of being deleted. */
    private boolean keepNodesOfGoneServers;

    public VirtualKubelet(
            KubernetesClient client,
            KamateraSimulator sim,
            CloudConfig config,
            Duration registrationDelay) {
        this.client = client;
        this.sim = sim;
        this.config = config;
        this.registrationDelay = registrationDelay;
    }

    /** Brings the Node objects in line with the servers at {@code now}. */
    public void sync(Instant now) {
        Set<String> shuttingDown = shuttingDown();
        Set<String> present = new HashSet<>();
        Map<String, Node> nodes = new HashMap<>();
        client.nodes().list().getItems().forEach(n -> nodes.put(n.getMetadata().getName(), n));
        for (ServerView server : sim.servers()) {
            if (!server.tags().contains(config.clusterTag())
                    || server.state() == ServerState.TERMINATED) {
                continue;
            }
            present.add(server.name());
            Node node = nodes.get(server.name());
            boolean running =
                    server.state() == ServerState.ACTIVE
                            && "on".equals(server.power())
                            && !shuttingDown.contains(server.name());
            if (!running) {
                onSince.remove(server.name());
                if (node != null) {
                    setReady(node, false, now);
                }
                continue;
            }
            Instant since = onSince.computeIfAbsent(server.name(), n -> now);
            if (node == null && !now.isBefore(since.plus(registrationDelay))) {
                register(server, now);
                nodes.put(server.name(), null);
            } else if (node != null) {
                setReady(node, true, now);
            }
        }
        for (String name : Set.copyOf(registered)) {
            Node gone = nodes.get(name);
            if (!present.contains(name) && keepNodesOfGoneServers && gone != null) {
                setReady(gone, false, now);
                onSince.remove(name);
            } else if (!present.contains(name)) {
                client.nodes().withName(name).delete();
                nodes.remove(name);
                registered.remove(name);
                onSince.remove(name);
            }
        }
        collectOrphanPods(nodes.keySet());
    }

    /**
     * Whether the server named {@code name} is on but its Node is not registered yet: it is still
     * booting, which the invariant checker counts as in flight.
     */
    public boolean booting(String name) {
        return onSince.containsKey(name) && client.nodes().withName(name).get() == null;
    }

    /**
     * Plays a cluster without a cloud controller manager, as most Kamatera clusters are: from now
     * on the Node of a server that is gone is not deleted but stays NotReady, with its pods bound,
     * until someone (the autoscaler) deletes it. Pods bound to it are collected once it is.
     */
    public void keepNodesOfGoneServers() {
        keepNodesOfGoneServers = true;
    }

    /**
     * Makes the kubelets of {@code group} reserve {@code reservations} instead of what the cloud
     * config says, for nodes that register from now on: a machine that keeps more for itself than
     * the autoscaler was told (the kernel's share of the RAM, say), which no template can know.
     */
    public void overrideReservations(String group, KubeletReservations reservations) {
        overrides.put(group, reservations);
    }

    /** Servers with a power-off or terminate command under way: their kubelet has stopped. */
    private Set<String> shuttingDown() {
        Set<String> names = new HashSet<>();
        for (CommandView c : sim.commands()) {
            if (!c.isTerminal()
                    && (c.kind() == CommandKind.POWER_OFF || c.kind() == CommandKind.TERMINATE)) {
                names.add(c.serverName());
            }
        }
        return names;
    }

    private void register(ServerView server, Instant now) {
        Map<String, String> labels = new HashMap<>();
        List<io.fabric8.kubernetes.api.model.Taint> taints = new ArrayList<>();
        Optional<NodeGroupConfig> group = groupOf(server);
        group.ifPresent(
                g -> {
                    labels.putAll(g.templateLabels());
                    // What the init script's --register-with-taints would give the node.
                    for (Taint t : g.template().taints()) {
                        taints.add(
                                new TaintBuilder()
                                        .withKey(t.key())
                                        .withValue(t.value())
                                        .withEffect(t.effect().kubernetesName())
                                        .build());
                    }
                });
        KubeletReservations reserved =
                group.map(
                                g ->
                                        overrides.getOrDefault(
                                                g.name(), KubeletReservations.of(g.template())))
                        .orElse(KubeletReservations.NONE);
        labels.put("kubernetes.io/hostname", server.name());
        labels.put("kubernetes.io/os", "linux");
        long milliCpu = cores(server.cpu()) * 1000L;
        long memory = server.ramMb() * MIB;
        long disk = server.diskSizes().isEmpty() ? 0 : server.diskSizes().get(0) * GIB;
        Map<String, Quantity> capacity = new HashMap<>();
        capacity.put("cpu", new Quantity(Integer.toString(cores(server.cpu()))));
        capacity.put("memory", new Quantity(server.ramMb() + "Mi"));
        capacity.put("ephemeral-storage", new Quantity(Long.toString(disk)));
        capacity.put("pods", new Quantity("110"));
        Map<String, Quantity> allocatable = new HashMap<>();
        allocatable.put("cpu", new Quantity(reserved.milliCpu(milliCpu) + "m"));
        allocatable.put("memory", new Quantity(Long.toString(reserved.memoryBytes(memory))));
        allocatable.put(
                "ephemeral-storage",
                new Quantity(Long.toString(reserved.ephemeralStorageBytes(disk))));
        allocatable.put("pods", new Quantity("110"));
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName(server.name())
                                .withCreationTimestamp(now.toString())
                                .withLabels(labels)
                                .endMetadata()
                                .withNewSpec()
                                .withProviderID(config.providerIdPrefix() + server.name())
                                .withTaints(taints)
                                .endSpec()
                                .withNewStatus()
                                .withCapacity(capacity)
                                .withAllocatable(allocatable)
                                .withConditions(readyCondition(true, now))
                                .endStatus()
                                .build())
                .create();
        registered.add(server.name());
    }

    private void setReady(Node node, boolean ready, Instant now) {
        String wanted = ready ? "True" : "False";
        List<NodeCondition> conditions = node.getStatus().getConditions();
        boolean already =
                conditions.stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && wanted.equals(c.getStatus()));
        if (already) {
            return;
        }
        client.nodes()
                .withName(node.getMetadata().getName())
                .editStatus(
                        n -> {
                            n.getStatus()
                                    .getConditions()
                                    .removeIf(c -> "Ready".equals(c.getType()));
                            n.getStatus().getConditions().add(readyCondition(ready, now));
                            return n;
                        });
    }

    private static NodeCondition readyCondition(boolean ready, Instant now) {
        return new NodeConditionBuilder()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .withReason(ready ? "KubeletReady" : "NodeStatusUnknown")
                .withLastTransitionTime(now.toString())
                .withLastHeartbeatTime(now.toString())
                .build();
    }

    /**
     * Deletes pods bound to a node not in {@code nodes} (registered ones may be missing: harmless).
     */
    private void collectOrphanPods(Set<String> nodes) {
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            String nodeName = pod.getSpec().getNodeName();
            if (nodeName != null && !nodeName.isEmpty() && !nodes.contains(nodeName)) {
                client.pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName())
                        .delete();
            }
        }
    }

    private Optional<NodeGroupConfig> groupOf(ServerView server) {
        for (NodeGroupConfig g : config.nodeGroups().values()) {
            if (server.tags().containsAll(g.tags())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The cores of a Kamatera cpu spec such as {@code 2B} (count, then type letter). */
    static int cores(String cpu) {
        int i = 0;
        while (i < cpu.length() && Character.isDigit(cpu.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(
                    "server cpu '" + cpu + "' does not start with a core count");
        }
        return Integer.parseInt(cpu.substring(0, i));
    }
}
