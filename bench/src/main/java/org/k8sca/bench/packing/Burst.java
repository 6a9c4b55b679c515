package org.k8sca.bench.packing;

import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A burst of pending pods of one mix, generated from a seed.
 *
 * @param mix the mix's name
 * @param seed the seed it was generated from
 * @param pods the pending pods
 */
public record Burst(String mix, long seed, List<Pod> pods) {

    /** The mixes, each generated for every seed. */
    public static final List<String> MIXES =
            List.of("uniform", "mixed", "complementary", "large", "constrained");

    private static final long MI = 1L << 20;

    public Burst {
        pods = List.copyOf(pods);
    }

    public static Burst generate(String mix, long seed) {
        Random rnd = new Random(seed);
        List<Pod> pods = new ArrayList<>();
        switch (mix) {
            case "uniform" -> add(pods, "uniform", 400 + rnd.nextInt(400), 500, 1024 * MI);
            case "mixed" -> {
                for (int w = 0; w < 8; w++) {
                    long cpu = 100L * (1 + rnd.nextInt(10));
                    long mem = 128L * (1 + rnd.nextInt(16)) * MI;
                    add(pods, "mixed-" + w, 50 + rnd.nextInt(150), cpu, mem);
                }
            }
            case "complementary" -> {
                add(pods, "cpu-heavy", 150 + rnd.nextInt(150), 2_000, 1024 * MI);
                add(pods, "mem-heavy", 150 + rnd.nextInt(150), 250, 6 * 1024 * MI);
            }
            case "large" -> {
                for (int w = 0; w < 5; w++) {
                    add(
                            pods,
                            "large-" + w,
                            20 + rnd.nextInt(40),
                            1_000L * (3 + rnd.nextInt(4)),
                            (4L + 4 * rnd.nextInt(3)) << 30);
                }
            }
            case "constrained" -> {
                // One pod per node for the databases (required anti-affinity on the hostname),
                // web pods to fill the room beside them, and many tiny sidecar-like pods that run
                // into the pods-per-node limit before CPU or memory.
                add(pods, "db", 40 + rnd.nextInt(40), 1_000, 4L << 30, true);
                add(pods, "web", 100 + rnd.nextInt(150), 500, 1024 * MI, false);
                add(pods, "tiny", 400 + rnd.nextInt(600), 10, 32 * MI, false);
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown burst mix '" + mix + "'; known: " + MIXES);
        }
        return new Burst(mix, seed, pods);
    }

    private static void add(
            List<Pod> pods, String workload, int replicas, long milliCpu, long memoryBytes) {
        add(pods, workload, replicas, milliCpu, memoryBytes, false);
    }

    private static void add(
            List<Pod> pods,
            String workload,
            int replicas,
            long milliCpu,
            long memoryBytes,
            boolean onePerNode) {
        List<PodAffinityTerm> antiAffinity =
                onePerNode
                        ? List.of(
                                PodAffinityTerm.of(
                                        LabelSelector.matchLabels("app", workload),
                                        "kubernetes.io/hostname"))
                        : List.of();
        for (int i = 0; i < replicas; i++) {
            String name = workload + "-6b7f9-" + i;
            pods.add(
                    Pod.builder("burst", name)
                            .uid("burst-" + name)
                            .labels(Labels.of("app", workload))
                            .owner(
                                    OwnerReference.controller(
                                            "ReplicaSet", workload + "-6b7f9", "rs-" + workload))
                            .requests(Resources.of(milliCpu, memoryBytes, 0, 0, 0))
                            .antiAffinityTerms(antiAffinity)
                            .creationTime(ClusterGenerator.BASE_TIME)
                            .build());
        }
    }
}
