package org.k8sca.bench.cluster;

/**
 * What cluster to generate. Every fraction is between 0 and 1; the same spec always gives the same
 * cluster.
 *
 * @param seed seed of the generator's random numbers
 * @param nodes registered, autoscaled nodes (the warm pool comes on top)
 * @param podsPerNode pods on each node, DaemonSet pods included
 * @param pending pending pods in the burst
 * @param underutilizedFraction share of (non-batch) nodes filled to 10–40 % instead of 55–85 %
 * @param antiAffinityFraction share of existing workloads whose pods repel each other per node
 *     (required anti-affinity on the hostname)
 * @param pendingAntiAffinityFraction the same for the pending burst's workloads
 * @param spreadFraction share of workloads with a zone topology spread (maxSkew 1, DoNotSchedule)
 * @param statefulFraction share of workloads that are StatefulSets with a zonal PV per pod
 * @param pdbFraction share of workloads with a PodDisruptionBudget (maxUnavailable 10 %)
 * @param warmPoolFraction warm-pool (standby, powered-off) nodes per registered node
 * @param surge the worst case for scale-up: busy nodes packed to 90–98 % and every pending pod
 *     large, so that no pending pod fits an existing node and each one is checked against all of
 *     them before the estimator packs it onto new nodes
 */
public record ClusterSpec(
        long seed,
        int nodes,
        int podsPerNode,
        int pending,
        double underutilizedFraction,
        double antiAffinityFraction,
        double pendingAntiAffinityFraction,
        double spreadFraction,
        double statefulFraction,
        double pdbFraction,
        double warmPoolFraction,
        boolean surge) {

    public static final long DEFAULT_SEED = 20261124L;

    public ClusterSpec {
        if (nodes < 1) {
            throw new IllegalArgumentException(
                    "cluster spec: nodes must be at least 1, got " + nodes);
        }
        if (podsPerNode < DaemonSets.COUNT || podsPerNode > NodeShape.MAX_PODS) {
            throw new IllegalArgumentException(
                    "cluster spec: podsPerNode must be between "
                            + DaemonSets.COUNT
                            + " (the DaemonSet pods) and "
                            + NodeShape.MAX_PODS
                            + ", got "
                            + podsPerNode);
        }
        if (pending < 0) {
            throw new IllegalArgumentException(
                    "cluster spec: pending must not be negative, got " + pending);
        }
        fraction("underutilizedFraction", underutilizedFraction);
        fraction("antiAffinityFraction", antiAffinityFraction);
        fraction("pendingAntiAffinityFraction", pendingAntiAffinityFraction);
        fraction("spreadFraction", spreadFraction);
        fraction("statefulFraction", statefulFraction);
        fraction("pdbFraction", pdbFraction);
        fraction("warmPoolFraction", warmPoolFraction);
    }

    /** A realistic mix: 10 % underutilized nodes, 10 % anti-affine and 10 % spread workloads. */
    public static ClusterSpec of(int nodes, int podsPerNode, int pending) {
        return new ClusterSpec(
                DEFAULT_SEED,
                nodes,
                podsPerNode,
                pending,
                0.10,
                0.10,
                0.10,
                0.10,
                0.10,
                0.30,
                0.02,
                false);
    }

    public ClusterSpec withSeed(long v) {
        return new ClusterSpec(
                v,
                nodes,
                podsPerNode,
                pending,
                underutilizedFraction,
                antiAffinityFraction,
                pendingAntiAffinityFraction,
                spreadFraction,
                statefulFraction,
                pdbFraction,
                warmPoolFraction,
                surge);
    }

    public ClusterSpec withUnderutilized(double v) {
        return new ClusterSpec(
                seed,
                nodes,
                podsPerNode,
                pending,
                v,
                antiAffinityFraction,
                pendingAntiAffinityFraction,
                spreadFraction,
                statefulFraction,
                pdbFraction,
                warmPoolFraction,
                surge);
    }

    public ClusterSpec withAntiAffinity(double existing, double pendingShare) {
        return new ClusterSpec(
                seed,
                nodes,
                podsPerNode,
                pending,
                underutilizedFraction,
                existing,
                pendingShare,
                spreadFraction,
                statefulFraction,
                pdbFraction,
                warmPoolFraction,
                surge);
    }

    /** The worst case for scale-up (see {@link #surge}); no node is left underutilized. */
    public ClusterSpec withSurge() {
        return new ClusterSpec(
                seed,
                nodes,
                podsPerNode,
                pending,
                0,
                antiAffinityFraction,
                pendingAntiAffinityFraction,
                spreadFraction,
                statefulFraction,
                pdbFraction,
                warmPoolFraction,
                true);
    }

    private static void fraction(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(
                    "cluster spec: " + what + " must be between 0 and 1, got " + v);
        }
    }
}
