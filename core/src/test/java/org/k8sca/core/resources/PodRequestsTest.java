package org.k8sca.core.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Expected numbers are worked out by hand from kube-scheduler's rule: max(regular containers + all
 * sidecars, each init container's moment) + overhead, where a plain init container's moment is its
 * own request plus the sidecars started before it, and a sidecar's moment is the sum of the
 * sidecars up to and including it.
 */
class PodRequestsTest {

    private static ContainerRequests c(long cpu) {
        return ContainerRequests.of("c" + cpu, Resources.of(cpu, 0, 0, 0, 0));
    }

    private static ContainerRequests sidecar(long cpu) {
        return ContainerRequests.sidecar("s" + cpu, Resources.of(cpu, 0, 0, 0, 0));
    }

    private static long cpu(
            List<ContainerRequests> containers, List<ContainerRequests> init, long overhead) {
        return PodRequests.compute(containers, init, Resources.of(overhead, 0, 0, 0, 0), null)
                .milliCpu();
    }

    @Test
    void regularContainersAreSummed() {
        assertThat(cpu(List.of(c(100), c(200)), List.of(), 0)).isEqualTo(300);
    }

    @Test
    void aLargerInitContainerDominates() {
        assertThat(cpu(List.of(c(100), c(200)), List.of(c(500)), 0)).isEqualTo(500);
    }

    @Test
    void aSmallerInitContainerDoesNotAdd() {
        assertThat(cpu(List.of(c(300)), List.of(c(200), c(250)), 0)).isEqualTo(300);
    }

    @Test
    void initContainersAreNotSummedWithEachOther() {
        // They run one after another: the largest one counts, 400, not 700.
        assertThat(cpu(List.of(c(100)), List.of(c(300), c(400)), 0)).isEqualTo(400);
    }

    @Test
    void aSidecarRunsNextToTheRegularContainers() {
        assertThat(cpu(List.of(c(300)), List.of(sidecar(100)), 0)).isEqualTo(400);
    }

    @Test
    void aPlainInitContainerAfterASidecarRunsWithIt() {
        // init moment: 500 + 100 = 600; regular: 200 + 100 = 300.
        assertThat(cpu(List.of(c(200)), List.of(sidecar(100), c(500)), 0)).isEqualTo(600);
    }

    @Test
    void aPlainInitContainerBeforeASidecarRunsAlone() {
        // init moment: 500 alone; sidecar moment 100; regular: 200 + 100 = 300.
        assertThat(cpu(List.of(c(200)), List.of(c(500), sidecar(100)), 0)).isEqualTo(500);
    }

    @Test
    void sidecarsAccumulate() {
        // sidecar moments 100, 300; plain init 50 + 300 = 350; regular 100 + 300 = 400.
        assertThat(cpu(List.of(c(100)), List.of(sidecar(100), sidecar(200), c(50)), 0))
                .isEqualTo(400);
    }

    @Test
    void aBigInitContainerBetweenSidecarsSeesOnlyTheEarlierOnes() {
        // sidecar 100; plain 1000 + 100 = 1100; sidecar moment 100 + 200 = 300; regular 0 + 300 =
        // 300.
        assertThat(cpu(List.of(), List.of(sidecar(100), c(1000), sidecar(200)), 0)).isEqualTo(1100);
    }

    @Test
    void overheadIsAddedAfterTheMaximum() {
        assertThat(cpu(List.of(c(300)), List.of(), 50)).isEqualTo(350);
        assertThat(cpu(List.of(c(300)), List.of(c(500)), 50)).isEqualTo(550);
    }

    @Test
    void eachResourceTakesItsOwnMaximum() {
        Resources r =
                PodRequests.compute(
                        List.of(
                                ContainerRequests.of(
                                        "app", Resources.of(1000, 100L << 20, 0, 0, 0))),
                        List.of(
                                ContainerRequests.of(
                                        "migrate", Resources.of(200, 1L << 30, 0, 0, 0))),
                        Resources.ZERO,
                        null);
        assertThat(r.milliCpu()).isEqualTo(1000);
        assertThat(r.memoryBytes()).isEqualTo(1L << 30);
    }

    @Test
    void extendedResourcesFollowTheSameFormula() {
        Resources gpuInit = Resources.builder().set("example.com/fpga", 2).build();
        Resources gpuApp = Resources.builder().set("example.com/fpga", 1).build();
        Resources r =
                PodRequests.compute(
                        List.of(ContainerRequests.of("app", gpuApp)),
                        List.of(ContainerRequests.of("init", gpuInit)),
                        Resources.ZERO,
                        null);
        assertThat(r.get("example.com/fpga")).isEqualTo(2);
    }

    @Test
    void podLevelRequestsReplaceContainerCpuAndMemoryOnly() {
        Resources containers = Resources.of(300, 1L << 30, 5L << 30, 0, 0);
        Resources podLevel = Resources.of(2000, 0, 0, 0, 0);
        Resources r =
                PodRequests.compute(
                        List.of(ContainerRequests.of("app", containers)),
                        List.of(),
                        Resources.of(10, 0, 0, 0, 0),
                        podLevel);
        assertThat(r.milliCpu()).isEqualTo(2010);
        assertThat(r.memoryBytes()).isEqualTo(1L << 30);
        assertThat(r.ephemeralStorageBytes()).isEqualTo(5L << 30);
    }

    @Test
    void everyPodCountsAsOnePod() {
        assertThat(PodRequests.compute(List.of()).pods()).isEqualTo(1);
        assertThat(PodRequests.compute(List.of(c(100), c(100))).pods()).isEqualTo(1);
    }
}
