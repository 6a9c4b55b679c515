package org.k8sca.bench.packing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class TightBoundTest {

    private static final long GI = 1L << 30;
    private static final Resources FREE = Resources.of(4_000, 16 * GI, 0, 110, 0);

    private static List<Pod> pods(String app, int n, long milliCpu, long memMi, boolean onePer) {
        List<Pod> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pod.Builder b =
                    Pod.builder("ns", app + "-" + i)
                            .labels(org.k8sca.core.labels.Labels.of("app", app))
                            .requests(Resources.of(milliCpu, memMi << 20, 0, 0, 0));
            if (onePer) {
                b.antiAffinityTerms(
                        List.of(
                                PodAffinityTerm.of(
                                        LabelSelector.matchLabels("app", app),
                                        "kubernetes.io/hostname")));
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void podsOverHalfANodeCannotShareOne() {
        // 2 pods of 2.1 CPU, 2 of 2.2 CPU and 2 of 1.5 CPU on 4 CPU: the volume (11.6 CPU) says
        // 3 nodes and each kind alone 2, but no two of the four large pods share a node.
        List<Pod> mix = new ArrayList<>(pods("a", 2, 2_100, 1024, false));
        mix.addAll(pods("b", 2, 2_200, 1024, false));
        mix.addAll(pods("small", 2, 1_500, 1024, false));

        TightBound b = TightBound.of(mix, FREE);

        assertThat(b.volume()).isEqualTo(3);
        assertThat(b.perKind()).isEqualTo(2);
        assertThat(b.shape()).isEqualTo(4);
        assertThat(b.nodes()).isEqualTo(4);
        assertThat(b.dominant()).isEqualTo("shape");
    }

    @Test
    void theShapeBoundSeesCpuAndMemoryTogether() {
        // (2.6 CPU, 6.5 GiB) and (1.5 CPU, 10 GiB) on 4 CPU/16 GiB: two of a kind never fit, and
        // one of each needs 4.1 CPU, so every pod needs its own node: 4. CPU alone (0.65 and
        // 0.375 of a node) and memory alone (0.41 and 0.625) each allow 2 pods per node; only
        // the mix 0.45·CPU + 0.55·memory puts every pod over half a node.
        List<Pod> mix = new ArrayList<>(pods("cpu", 2, 2_600, 6_656, false));
        mix.addAll(pods("mem", 2, 1_500, 10_240, false));

        TightBound b = TightBound.of(mix, FREE);

        assertThat(b.volume()).isEqualTo(3);
        assertThat(b.perKind()).isEqualTo(2);
        assertThat(b.shape()).isEqualTo(4);
    }

    @Test
    void antiAffinePodsNeedANodeEach() {
        List<Pod> mix = new ArrayList<>(pods("db", 7, 100, 1024, true));
        mix.addAll(pods("web", 10, 100, 1024, false));

        TightBound b = TightBound.of(mix, FREE);

        assertThat(b.volume()).isEqualTo(2); // 17 GiB over 16
        assertThat(b.antiAffinity()).isEqualTo(7);
        assertThat(b.dominant()).isEqualTo("anti-affinity");
    }

    @Test
    void theBoundNeverExceedsAPackingThatExists() {
        // Random pods packed greedily, first fit on CPU and memory: a real packing, so every
        // valid lower bound must be at most its node count.
        long seed = Long.getLong("test.seed", 7L);
        Random rnd = new Random(seed);
        for (int run = 0; run < 300; run++) {
            List<Pod> mix = new ArrayList<>();
            int kinds = 1 + rnd.nextInt(5);
            for (int k = 0; k < kinds; k++) {
                mix.addAll(
                        pods(
                                "k" + k,
                                1 + rnd.nextInt(12),
                                1 + rnd.nextInt(4_000),
                                1 + rnd.nextInt(16 * 1024),
                                false));
            }
            int packed = firstFit(mix);
            assertThat(TightBound.of(mix, FREE).nodes())
                    .as("seed %d run %d: %s", seed, run, mix)
                    .isLessThanOrEqualTo(packed);
        }
    }

    private static int firstFit(List<Pod> pods) {
        List<long[]> nodes = new ArrayList<>();
        for (Pod p : pods) {
            long cpu = p.requests().milliCpu();
            long mem = p.requests().memoryBytes();
            long[] target = null;
            for (long[] n : nodes) {
                if (n[0] >= cpu && n[1] >= mem) {
                    target = n;
                    break;
                }
            }
            if (target == null) {
                target = new long[] {FREE.milliCpu(), FREE.memoryBytes()};
                nodes.add(target);
            }
            target[0] -= cpu;
            target[1] -= mem;
        }
        return nodes.size();
    }
}
