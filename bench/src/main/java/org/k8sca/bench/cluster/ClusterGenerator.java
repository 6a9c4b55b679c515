package org.k8sca.bench.cluster;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.IntOrPercent;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.model.PodVolume;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scaledown.drain.ControllerKey;
import org.k8sca.core.scaledown.drain.WorkloadControllers;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a {@link GeneratedCluster} from a {@link ClusterSpec}, deterministically from its seed.
 *
 * <p>Each node is filled towards a target utilization (55–85 %, or 10–40 % for underutilized nodes,
 * 85–95 % on the dedicated batch group) by drawing pods of existing workloads whose requests fit
 * what is left; placements respect the pods' own anti-affinity and zone spread, as the scheduler
 * would have. Pending pods come in workloads of 25: small ones that fit existing nodes, large ones
 * that mostly need new nodes, and batch ones that only the batch group takes.
 */
public final class ClusterGenerator {

    /** Creation time of everything: long ago, so no pod is "too young" and every node is stable. */
    public static final Instant BASE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    public static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");
    static final String BATCH_GROUP = "batch-16";
    static final int PENDING_WORKLOAD_SIZE = 25;
    private static final int PODS_PER_WORKLOAD = 100;
    private static final int NAMESPACES = 12;
    private static final long MI = 1L << 20;
    private static final long[] CPU_STEPS = {
        50, 100, 150, 200, 250, 300, 500, 750, 1000, 1500, 2000, 3000, 4000
    };
    private static final long[] MEM_STEPS_MI = {
        64, 128, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192
    };

    private final ClusterSpec spec;
    private final Random rnd;
    private final ClusterSnapshot snapshot = new ClusterSnapshot();
    private final List<Workload> general = new ArrayList<>();
    private final List<Workload> batch = new ArrayList<>();
    private final Map<Workload, int[]> zoneCounts = new HashMap<>();
    private final Map<Workload, Integer> replicas = new LinkedHashMap<>();
    private final Map<String, String> groupOfNode = new HashMap<>();
    private final List<DaemonSet> daemonSets = DaemonSets.all();
    private final Resources daemonSetRequests;

    private ClusterGenerator(ClusterSpec spec) {
        this.spec = spec;
        this.rnd = new Random(spec.seed());
        Resources sum = Resources.ZERO;
        for (DaemonSet ds : daemonSets) {
            sum = sum.plus(ds.template().requests());
        }
        this.daemonSetRequests = sum;
    }

    /** The cluster {@code spec} describes; equal specs give equal clusters. */
    public static GeneratedCluster generate(ClusterSpec spec) {
        return new ClusterGenerator(spec).build();
    }

    private GeneratedCluster build() {
        makeWorkloads();
        List<BenchNodeGroup> groups = new ArrayList<>();
        int[] sizes = groupSizes(spec.nodes());
        int nodeIndex = 0;
        for (int g = 0; g < NodeShape.DEFAULT_SHAPES.size(); g++) {
            NodeShape shape = NodeShape.DEFAULT_SHAPES.get(g);
            BenchNodeGroup group =
                    new BenchNodeGroup(
                            shape,
                            0,
                            sizes[g] + 2_000,
                            new NodeTemplate(
                                    node(shape, shape.groupId() + "-template", ZONES.get(0)),
                                    List.of()));
            groups.add(group);
            for (int i = 0; i < sizes[g]; i++) {
                String zone = ZONES.get(nodeIndex % ZONES.size());
                String name = String.format("%s-%05d", shape.groupId(), i);
                addFilledNode(shape, name, zone, nodeIndex);
                group.addInstance("bench://" + name);
                groupOfNode.put(name, shape.groupId());
                nodeIndex++;
            }
        }
        addSystemPods();
        Set<String> standby = addWarmPool();
        List<Pod> pending = pendingBurst();
        return new GeneratedCluster(
                spec,
                snapshot,
                new BenchCloudProvider(groups, standby),
                daemonSets,
                pdbs(),
                controllers(),
                groupOfNode,
                pending);
    }

    /**
     * Node counts per group, proportional to the shapes' weights (largest remainder, so they add
     * up).
     */
    static int[] groupSizes(int nodes) {
        List<NodeShape> shapes = NodeShape.DEFAULT_SHAPES;
        int totalWeight = shapes.stream().mapToInt(NodeShape::weight).sum();
        int[] sizes = new int[shapes.size()];
        int given = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = nodes * shapes.get(i).weight() / totalWeight;
            given += sizes[i];
        }
        for (int i = 0; given < nodes; i = (i + 1) % sizes.length) {
            sizes[i]++;
            given++;
        }
        return sizes;
    }

    // ------------------------------------------------------------------ workloads

    private void makeWorkloads() {
        long workloadPods = (long) spec.nodes() * (spec.podsPerNode() - DaemonSets.COUNT);
        int count = (int) Math.max(20, workloadPods / PODS_PER_WORKLOAD);
        for (int i = 0; i < count; i++) {
            String ns = "team-" + (i % NAMESPACES);
            // The first few workloads are tiny and unconstrained, so a node can always be topped
            // up.
            boolean plain = i < 4;
            boolean isBatch = !plain && rnd.nextDouble() < 0.10;
            int step = plain ? 0 : rnd.nextInt(CPU_STEPS.length);
            int memStep = Math.max(0, Math.min(MEM_STEPS_MI.length - 1, step + rnd.nextInt(5) - 2));
            Workload w =
                    new Workload(
                            ns,
                            (isBatch ? "batch-" : "app-") + i,
                            !plain && rnd.nextDouble() < spec.statefulFraction(),
                            CPU_STEPS[step],
                            MEM_STEPS_MI[memStep] * MI,
                            !plain && rnd.nextDouble() < spec.antiAffinityFraction(),
                            !plain && rnd.nextDouble() < spec.spreadFraction(),
                            isBatch);
            (isBatch ? batch : general).add(w);
            zoneCounts.put(w, new int[ZONES.size()]);
        }
        // A tiny batch workload too, so that batch nodes can be topped up to their pod count.
        Workload tiny =
                new Workload("team-0", "batch-agent", false, 50, 64 * MI, false, false, true);
        batch.add(0, tiny);
        zoneCounts.put(tiny, new int[ZONES.size()]);
    }

    // ------------------------------------------------------------------ nodes

    static Node node(NodeShape shape, String name, String zone) {
        return Node.builder(name)
                .providerId("bench://" + name)
                .labels(
                        Labels.of(
                                Workload.HOSTNAME,
                                name,
                                Workload.ZONE,
                                zone,
                                "node.kubernetes.io/instance-type",
                                shape.groupId(),
                                "kubernetes.io/os",
                                "linux",
                                BenchCloudProvider.GROUP_LABEL,
                                shape.groupId()))
                .taints(shape.taints())
                .allocatable(shape.allocatable())
                .capacity(shape.capacity())
                .ready(true)
                .lastReadyTransition(BASE_TIME)
                .creationTime(BASE_TIME)
                .build();
    }

    private void addFilledNode(NodeShape shape, String name, String zone, int nodeIndex) {
        Node node = node(shape, name, zone);
        snapshot.addNode(node);
        for (DaemonSet ds : daemonSets) {
            snapshot.addPod(ds.podFor(name), name);
        }
        double fill;
        if (shape.tainted()) {
            fill = 0.85 + 0.10 * rnd.nextDouble();
        } else if (rnd.nextDouble() < spec.underutilizedFraction()) {
            fill = 0.10 + 0.30 * rnd.nextDouble();
        } else if (spec.surge()) {
            fill = 0.90 + 0.08 * rnd.nextDouble();
        } else {
            fill = 0.55 + 0.30 * rnd.nextDouble();
        }
        Resources alloc = shape.allocatable();
        long cpuLeft = (long) (alloc.milliCpu() * fill) - daemonSetRequests.milliCpu();
        long memLeft = (long) (alloc.memoryBytes() * fill) - daemonSetRequests.memoryBytes();
        int zoneIndex = ZONES.indexOf(zone);
        List<Workload> pool = shape.tainted() ? batch : general;
        long cpuFree = alloc.milliCpu() - daemonSetRequests.milliCpu();
        long memFree = alloc.memoryBytes() - daemonSetRequests.memoryBytes();
        Set<Workload> here = new HashSet<>();
        int slots = spec.podsPerNode() - DaemonSets.COUNT;
        for (int slot = 0; slot < slots; slot++) {
            int slotsLeft = slots - slot;
            Workload w = pick(pool, here, zoneIndex, cpuLeft, memLeft, slotsLeft);
            if (w == null) {
                // The fill target is used up: top the node up to its pod count with the first
                // (tiny)
                // workloads that still fit at all.
                w = firstAllowed(pool, here, zoneIndex, cpuFree, memFree);
            }
            if (w == null) {
                break;
            }
            cpuFree -= w.milliCpu();
            memFree -= w.memoryBytes();
            int index = replicas.merge(w, 1, Integer::sum) - 1;
            snapshot.addPod(w.pod(index, name, zone), name);
            here.add(w);
            zoneCounts.get(w)[zoneIndex]++;
            cpuLeft -= w.milliCpu();
            memLeft -= w.memoryBytes();
        }
        // About one node in a hundred runs a pod with local data, which blocks its scale-down.
        if (nodeIndex % 97 == 13) {
            Pod cache =
                    Pod.builder("team-0", "local-cache-" + name)
                            .uid("local-cache-" + name)
                            .labels(Labels.of("app", "local-cache"))
                            .owner(
                                    OwnerReference.controller(
                                            "ReplicaSet", "local-cache-7c9d", "rs-local-cache"))
                            .requests(Resources.of(10, 16 * MI, 0, 0, 0))
                            .volumes(List.of(new PodVolume("scratch", PodVolume.Kind.EMPTY_DIR)))
                            .creationTime(BASE_TIME)
                            .build();
            snapshot.addPod(cache, name);
        }
    }

    /**
     * The workload for the next pod on a node: of a few random draws, the one whose requests are
     * closest to an even share of what is left, among those that fit and that the pod's own
     * anti-affinity and zone spread allow here. Null when nothing fits.
     */
    private Workload pick(
            List<Workload> pool,
            Set<Workload> here,
            int zone,
            long cpuLeft,
            long memLeft,
            int slotsLeft) {
        double cpuShare = Math.max(1, cpuLeft / (double) slotsLeft);
        double memShare = Math.max(1, memLeft / (double) slotsLeft);
        Workload best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int draw = 0; draw < 6; draw++) {
            Workload w = pool.get(rnd.nextInt(pool.size()));
            if (!allowed(w, here, zone, cpuLeft, memLeft)) {
                continue;
            }
            double d =
                    Math.abs(w.milliCpu() / cpuShare - 1)
                            + Math.abs(w.memoryBytes() / memShare - 1);
            if (d < bestDistance) {
                best = w;
                bestDistance = d;
            }
        }
        return best != null ? best : firstAllowed(pool, here, zone, cpuLeft, memLeft);
    }

    private Workload firstAllowed(
            List<Workload> pool, Set<Workload> here, int zone, long cpuLeft, long memLeft) {
        for (Workload w : pool) {
            if (allowed(w, here, zone, cpuLeft, memLeft)) {
                return w;
            }
        }
        return null;
    }

    private boolean allowed(Workload w, Set<Workload> here, int zone, long cpuLeft, long memLeft) {
        if (w.milliCpu() > cpuLeft || w.memoryBytes() > memLeft) {
            return false;
        }
        if (w.antiAffinity() && here.contains(w)) {
            return false;
        }
        if (w.zoneSpread()) {
            int[] counts = zoneCounts.get(w);
            int min = Math.min(counts[0], Math.min(counts[1], counts[2]));
            return counts[zone] == min;
        }
        return true;
    }

    /**
     * Two CoreDNS replicas on the first general node, covered by a PDB as kube-system pods must be.
     */
    private void addSystemPods() {
        String node = NodeShape.DEFAULT_SHAPES.get(0).groupId() + "-00000";
        if (snapshot.nodeInfo(node) == null) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            Pod dns =
                    Pod.builder("kube-system", "coredns-5d78c-" + i)
                            .uid("coredns-" + i)
                            .labels(Labels.of("k8s-app", "kube-dns"))
                            .owner(
                                    OwnerReference.controller(
                                            "ReplicaSet", "coredns-5d78c", "rs-coredns"))
                            .priority(2_000_000_000)
                            .requests(Resources.of(100, 70 * MI, 0, 0, 0))
                            .creationTime(BASE_TIME)
                            .build();
            snapshot.addPod(dns, node);
        }
    }

    /** Powered-off standby servers: registered but NotReady and cordoned, in no node group. */
    private Set<String> addWarmPool() {
        int count = (int) Math.round(spec.nodes() * spec.warmPoolFraction());
        NodeShape shape = NodeShape.DEFAULT_SHAPES.get(1);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("warm-%05d", i);
            Node n =
                    node(shape, name, ZONES.get(i % ZONES.size())).toBuilder()
                            .ready(false)
                            .unschedulable(true)
                            .taints(
                                    List.of(
                                            new Taint(
                                                    "node.kubernetes.io/unreachable",
                                                    "",
                                                    TaintEffect.NO_SCHEDULE),
                                            Taint.UNSCHEDULABLE))
                            .build();
            snapshot.addNode(n);
            names.add(name);
        }
        return names;
    }

    // ------------------------------------------------------------------ pending burst

    private List<Pod> pendingBurst() {
        List<Pod> out = new ArrayList<>();
        int made = 0;
        for (int w = 0; made < spec.pending(); w++) {
            int size = Math.min(PENDING_WORKLOAD_SIZE, spec.pending() - made);
            Workload workload = pendingWorkload(w);
            for (int i = 0; i < size; i++) {
                out.add(workload.pod(i, null, ZONES.get(0)));
            }
            made += size;
        }
        return out;
    }

    private Workload pendingWorkload(int w) {
        String ns = "team-" + (w % NAMESPACES);
        boolean anti = rnd.nextDouble() < spec.pendingAntiAffinityFraction();
        boolean spread = rnd.nextDouble() < spec.spreadFraction();
        int kind = spec.surge() ? (w % 5 == 4 ? 4 : 2) : w % 5;
        return switch (kind) {
            case 0, 1 ->
                    new Workload(
                            ns,
                            "burst-small-" + w,
                            false,
                            100 + 100L * rnd.nextInt(5),
                            (128L << rnd.nextInt(4)) * MI,
                            anti,
                            spread,
                            false);
            case 2, 3 ->
                    new Workload(
                            ns,
                            "burst-large-" + w,
                            false,
                            2_000 + 1_000L * rnd.nextInt(5),
                            (4L + 4 * rnd.nextInt(4)) << 30,
                            anti,
                            spread,
                            false);
            default ->
                    new Workload(
                            ns, "burst-batch-" + w, false, 4_000, 8L << 30, anti, spread, true);
        };
    }

    // ------------------------------------------------------------------ PDBs and controllers

    private List<PodDisruptionBudget> pdbs() {
        List<PodDisruptionBudget> out = new ArrayList<>();
        out.add(
                new PodDisruptionBudget(
                        "kube-system",
                        "coredns",
                        LabelSelector.matchLabels("k8s-app", "kube-dns"),
                        null,
                        new IntOrPercent(1, false),
                        1));
        Random pdbRandom = new Random(spec.seed() ^ 0x5DB);
        for (Map.Entry<Workload, Integer> e : replicas.entrySet()) {
            if (pdbRandom.nextDouble() < spec.pdbFraction()) {
                Workload w = e.getKey();
                // maxUnavailable 10 %, rounded up as the disruption controller does.
                int allowed = (e.getValue() + 9) / 10;
                out.add(
                        new PodDisruptionBudget(
                                w.namespace(),
                                w.name(),
                                w.selector(),
                                null,
                                new IntOrPercent(10, true),
                                allowed));
            }
        }
        return out;
    }

    private WorkloadControllers controllers() {
        Map<ControllerKey, Integer> m = new HashMap<>();
        for (Map.Entry<Workload, Integer> e : replicas.entrySet()) {
            m.put(e.getKey().controllerKey(), e.getValue());
        }
        for (DaemonSet ds : daemonSets) {
            m.put(new ControllerKey("DaemonSet", ds.namespace(), ds.name()), spec.nodes());
        }
        m.put(new ControllerKey("ReplicaSet", "kube-system", "coredns-5d78c"), 2);
        m.put(
                new ControllerKey("ReplicaSet", "team-0", "local-cache-7c9d"),
                Math.max(1, spec.nodes() / 97));
        return new WorkloadControllers(m);
    }
}
