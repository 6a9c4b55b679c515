package org.k8sca.bench.loop;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.bench.cluster.NodeShape;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.config.InvalidCloudConfigException;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.objects.Workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated cluster in the form the loop consumes: the {@link ClusterObjects} the informers would
 * hand it (nodes, bound and unschedulable pods, PDBs, DaemonSets, workload controllers), a Kamatera
 * cloud config with one node group per generated group, and the account's servers: one running
 * server per node, tagged for its group, and the warm pool as powered-off servers of {@code
 * general-8} (standby in the provider, as the generator's warm pool is).
 *
 * @param objects what the loop reads from Kubernetes
 * @param config the Kamatera cloud config
 * @param servers the account's servers
 */
public record LoopCluster(
        ClusterObjects objects, CloudConfig config, List<InMemoryKamatera.Server> servers) {

    /** The cluster name: servers carry the tag {@code k8sca-bench}. */
    public static final String CLUSTER = "bench";

    private static final String WARM_POOL_GROUP = "general-8";

    public LoopCluster {
        servers = List.copyOf(servers);
    }

    /** Converts {@code cluster}; the generated snapshot itself is not kept. */
    public static LoopCluster of(GeneratedCluster cluster) {
        CloudConfig config = cloudConfig(cluster);
        List<Node> nodes = new ArrayList<>();
        List<ObservedPod> pods = new ArrayList<>();
        for (NodeInfo info : cluster.snapshot().nodeInfos()) {
            Node node = info.node();
            nodes.add(node.toBuilder().providerId(config.providerIdPrefix() + node.name()).build());
            for (Pod p : info.pods()) {
                pods.add(new ObservedPod(p, SchedulingState.BOUND, null, null, List.of()));
            }
        }
        for (Pod p : cluster.pending()) {
            pods.add(
                    new ObservedPod(
                            p,
                            SchedulingState.UNSCHEDULABLE,
                            null,
                            ClusterGenerator.BASE_TIME,
                            List.of()));
        }
        nodes.sort(Comparator.comparing(Node::name));
        pods.sort(Comparator.comparing(ObservedPod::key));
        ClusterObjects objects =
                new ClusterObjects(
                        1,
                        nodes,
                        pods,
                        cluster.pdbs(),
                        cluster.daemonSets(),
                        workloads(pods),
                        Map.of(),
                        Map.of());
        return new LoopCluster(objects, config, servers(cluster, config));
    }

    /** The Kamatera cloud config of {@code cluster}: one node group per generated group. */
    public static CloudConfig cloudConfig(GeneratedCluster cluster) {
        try {
            return CloudConfigLoader.parse(ini(cluster), "loop-bench.ini", Map.of());
        } catch (InvalidCloudConfigException e) {
            throw new IllegalStateException("the loop benchmark's cloud config is invalid", e);
        }
    }

    /**
     * The account's servers for {@code cluster}: one running server per node, tagged for its group;
     * the warm pool powered off in {@code general-8}.
     */
    public static List<InMemoryKamatera.Server> servers(
            GeneratedCluster cluster, CloudConfig config) {
        List<InMemoryKamatera.Server> servers = new ArrayList<>();
        for (NodeInfo info : cluster.snapshot().nodeInfos()) {
            String name = info.node().name();
            String group = cluster.groupOfNode().get(name);
            boolean warm = group == null;
            servers.add(
                    new InMemoryKamatera.Server(
                            name,
                            !warm,
                            List.of(
                                    config.clusterTag(),
                                    groupTag(warm ? WARM_POOL_GROUP : group))));
        }
        return servers;
    }

    public int pendingCount() {
        return objects.podsIn(SchedulingState.UNSCHEDULABLE).size();
    }

    /**
     * Every ReplicaSet and StatefulSet that owns a pod, wanting as many replicas as it has pods.
     */
    private static Map<String, Workload> workloads(List<ObservedPod> pods) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Workload> first = new HashMap<>();
        for (ObservedPod observed : pods) {
            OwnerReference o = observed.pod().owner();
            if (o == null || o.kind().equals("DaemonSet")) {
                continue;
            }
            counts.merge(o.uid(), 1, Integer::sum);
            first.putIfAbsent(
                    o.uid(),
                    new Workload(o.kind(), observed.pod().namespace(), o.name(), o.uid(), 0, 0));
        }
        Map<String, Workload> out = new HashMap<>();
        first.forEach(
                (uid, w) -> {
                    int n = counts.get(uid);
                    out.put(uid, new Workload(w.kind(), w.namespace(), w.name(), uid, n, n));
                });
        return out;
    }

    static String groupTag(String group) {
        return "k8scang-" + group;
    }

    /**
     * One {@code [nodegroup]} per generated group, machines of the group's shape, room for 2 000
     * more nodes each; no minimum refresh interval, so every loop lists the servers (the most work
     * a loop can do, and what upstream does).
     */
    private static String ini(GeneratedCluster cluster) {
        StringBuilder ini =
                new StringBuilder(
                        """
                        [global]
                        kamatera-api-client-id=bench
                        kamatera-api-secret=bench
                        cluster-name=%s
                        min-refresh-interval=0s
                        default-datacenter=EU
                        default-image=ubuntu_server_24.04_64-bit
                        default-disk=size=100
                        default-network=name=wan,ip=auto
                        default-script-base64=IyEvYmluL3NoCg==
                        """
                                .formatted(CLUSTER));
        for (var group : cluster.provider().nodeGroups()) {
            NodeShape shape = group.shape();
            ini.append("[nodegroup \"")
                    .append(shape.groupId())
                    .append("\"]\n")
                    .append("name-prefix=")
                    .append(shape.groupId())
                    .append("\nmin-size=0\nmax-size=")
                    .append(group.maxSize())
                    .append("\ncpu=")
                    .append(shape.milliCpu() / 1000)
                    .append("B\nram=")
                    .append(shape.memoryGib() * 1024)
                    .append('\n');
        }
        return ini.toString();
    }
}
