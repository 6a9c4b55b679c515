package org.k8sca.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ResourcesTest {

    private static final Resources NODE =
            Resources.builder()
                    .milliCpu(4000)
                    .memoryBytes(8L << 30)
                    .ephemeralStorageBytes(20L << 30)
                    .pods(3)
                    .gpus(1)
                    .set("example.com/fpga", 2)
                    .build();

    @Test
    void plusAndMinusAreInverse() {
        Resources a = Resources.builder().milliCpu(100).memoryBytes(5).set("x/y", 3).build();
        Resources b = Resources.builder().milliCpu(50).pods(1).set("a/b", 7).build();
        Resources sum = a.plus(b);
        assertThat(sum.milliCpu()).isEqualTo(150);
        assertThat(sum.get("x/y")).isEqualTo(3);
        assertThat(sum.get("a/b")).isEqualTo(7);
        assertThat(sum.minus(b)).isEqualTo(a);
        assertThat(sum.minus(b).hashCode()).isEqualTo(a.hashCode());
    }

    @Test
    void parsesAResourceList() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put("cpu", "1500m");
        list.put("memory", "1Gi");
        list.put("nvidia.com/gpu", "2");
        list.put("hugepages-2Mi", "4Mi");
        Resources r = Resources.parse(list, "pod default/web");
        assertThat(r.milliCpu()).isEqualTo(1500);
        assertThat(r.memoryBytes()).isEqualTo(1L << 30);
        assertThat(r.gpus()).isEqualTo(2);
        assertThat(r.get("hugepages-2Mi")).isEqualTo(4L << 20);
    }

    @Test
    void parseErrorsNameTheResourceAndTheObject() {
        assertThatThrownBy(() -> Resources.parse(Map.of("memory", "1GB"), "node n1 allocatable"))
                .hasMessageContaining("node n1 allocatable")
                .hasMessageContaining("memory")
                .hasMessageContaining("1GB");
    }

    @Test
    void fitsWhenEveryRequestedResourceHasRoom() {
        Resources used = Resources.builder().milliCpu(3000).memoryBytes(4L << 30).pods(2).build();
        assertThat(NODE.fits(used, Resources.of(1000, 4L << 30, 0, 1, 0))).isTrue();
        assertThat(NODE.fits(used, Resources.of(1001, 0, 0, 1, 0))).isFalse();
        assertThat(NODE.insufficient(used, Resources.of(1001, (4L << 30) + 1, 0, 1, 0)))
                .containsExactly("cpu", "memory");
    }

    @Test
    void zeroRequestsAreNotChecked() {
        // The node is overcommitted on cpu, but a pod that asks for no cpu still fits.
        Resources used = Resources.builder().milliCpu(9000).pods(0).build();
        assertThat(NODE.fits(used, Resources.of(0, 1, 0, 1, 0))).isTrue();
    }

    @Test
    void podCountIsCheckedFirst() {
        Resources used = Resources.builder().pods(3).milliCpu(4000).build();
        assertThat(NODE.insufficient(used, Resources.of(1, 0, 0, 1, 0)))
                .containsExactly("pods", "cpu");
    }

    @Test
    void extendedResourcesMissingOnTheNodeAreInsufficient() {
        Resources wants =
                Resources.builder()
                        .pods(1)
                        .set("example.com/tpu", 1)
                        .set("example.com/fpga", 3)
                        .gpus(2)
                        .build();
        assertThat(NODE.fits(Resources.ZERO, wants)).isFalse();
        assertThat(NODE.insufficient(Resources.ZERO, wants))
                .containsExactly("example.com/fpga", "example.com/tpu", "nvidia.com/gpu");
        assertThat(
                        NODE.fits(
                                Resources.ZERO,
                                Resources.builder()
                                        .pods(1)
                                        .set("example.com/fpga", 2)
                                        .gpus(1)
                                        .build()))
                .isTrue();
    }

    @Test
    void zeroExtendedAmountsEqualAbsentOnes() {
        assertThat(Resources.builder().milliCpu(1).set("x/y", 0).build())
                .isEqualTo(Resources.of(1, 0, 0, 0, 0));
        assertThat(Resources.builder().set("x/y", 0).build().isZero()).isTrue();
    }

    @Test
    void maxTakesEachResourceSeparately() {
        Resources a = Resources.builder().milliCpu(5).memoryBytes(1).set("x/y", 4).build();
        Resources b = Resources.builder().milliCpu(1).memoryBytes(9).build();
        Resources m = a.max(b);
        assertThat(List.of(m.milliCpu(), m.memoryBytes(), m.get("x/y")))
                .containsExactly(5L, 9L, 4L);
    }

    @Test
    void theMaskAgreesWithTheNamedShortages() {
        long seed = 4242L;
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < 2000; i++) {
            Resources used =
                    Resources.builder()
                            .milliCpu(rnd.nextInt(5000))
                            .memoryBytes(rnd.nextInt(10))
                            .pods(rnd.nextInt(4))
                            .gpus(rnd.nextInt(2))
                            .set("example.com/fpga", rnd.nextInt(3))
                            .build();
            Resources want =
                    Resources.builder()
                            .milliCpu(rnd.nextInt(2000))
                            .memoryBytes(rnd.nextInt(10))
                            .pods(1)
                            .ephemeralStorageBytes(rnd.nextBoolean() ? 0 : 30L << 30)
                            .gpus(rnd.nextInt(2))
                            .set("example.com/fpga", rnd.nextInt(2))
                            .build();
            List<String> named = NODE.insufficient(used, want);
            int mask = NODE.insufficientMask(used, want);
            String where = "seed " + seed + " case " + i + ": used " + used + ", want " + want;
            assertThat(mask == 0)
                    .as(where)
                    .isEqualTo(named.isEmpty())
                    .isEqualTo(NODE.fits(used, want));
            assertThat((mask & Resources.SHORT_CPU) != 0)
                    .as(where)
                    .isEqualTo(named.contains("cpu"));
            assertThat((mask & Resources.SHORT_MEMORY) != 0)
                    .as(where)
                    .isEqualTo(named.contains("memory"));
            assertThat((mask & Resources.SHORT_PODS) != 0)
                    .as(where)
                    .isEqualTo(named.contains("pods"));
            assertThat((mask & Resources.SHORT_EPHEMERAL_STORAGE) != 0)
                    .as(where)
                    .isEqualTo(named.contains("ephemeral-storage"));
            assertThat((mask & Resources.SHORT_GPU) != 0)
                    .as(where)
                    .isEqualTo(named.contains("nvidia.com/gpu"));
            assertThat((mask & Resources.SHORT_OTHER) != 0)
                    .as(where)
                    .isEqualTo(named.contains("example.com/fpga"));
        }
    }
}
