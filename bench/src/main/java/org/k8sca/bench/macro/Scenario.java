package org.k8sca.bench.macro;

import org.k8sca.bench.cluster.ClusterSpec;

/**
 * One named macro benchmark: the cluster it plans on and the target from the issues.
 *
 * @param name short name used on the command line, e.g. {@code 1000x30}
 * @param spec the generated cluster
 * @param targetSeconds the target time per pass
 */
public record Scenario(String name, ClusterSpec spec, double targetSeconds) {

    /** Scale-up: 500 pending pods at 1000 and 5000 nodes × 30 pods, and the anti-affinity surge. */
    public static final java.util.List<Scenario> SCALE_UP =
            java.util.List.of(
                    new Scenario("1000x30", ClusterSpec.of(1000, 30, 500), 0.2),
                    new Scenario("5000x30", ClusterSpec.of(5000, 30, 500), 1.0),
                    new Scenario(
                            "5000x10-anti",
                            ClusterSpec.of(5000, 10, 500).withAntiAffinity(0.8, 0.8),
                            2.0),
                    new Scenario("1000x30-surge", ClusterSpec.of(1000, 30, 500).withSurge(), 0.2),
                    new Scenario("5000x30-surge", ClusterSpec.of(5000, 30, 500).withSurge(), 1.0),
                    new Scenario(
                            "5000x10-anti-surge",
                            ClusterSpec.of(5000, 10, 500).withAntiAffinity(0.8, 0.8).withSurge(),
                            2.0));

    /** Scale-down: 30 % of nodes underutilized, no pending pods. */
    public static final java.util.List<Scenario> SCALE_DOWN =
            java.util.List.of(
                    new Scenario(
                            "1000x30", ClusterSpec.of(1000, 30, 0).withUnderutilized(0.3), 0.5),
                    new Scenario(
                            "5000x30", ClusterSpec.of(5000, 30, 0).withUnderutilized(0.3), 3.0));
}
