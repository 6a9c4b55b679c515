package org.k8sca.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each micro-benchmark's setup works and one call of each does what its name says; CI never runs
 * the benchmarks themselves, so this is what catches a broken setup before someone times it.
 */
class MicroBenchmarksRunTest {

    @Test
    void predicateBenchmarksCheckWhatTheySay() {
        PredicateBenchmark b = new PredicateBenchmark();
        b.setUp();
        assertThat(b.findNodeFitsNowhere().nodeName()).isNull();
        assertThat(b.findNodeFitsNowhereAntiAffinity().nodeName()).isNull();
        b.checkOnNodePlain();
        b.checkOnNodeAntiAffinity();
        b.checkOnNodeZoneSpread();
    }

    @Test
    void snapshotBenchmarksLeaveTheSnapshotAsTheyFoundIt() {
        SnapshotBenchmark b = new SnapshotBenchmark();
        b.setUp();
        int nodes = b.forkRemoveBusyNodeRevert() + 1;
        int pods = b.forkAddPodRevert();
        assertThat(b.forkForkAddPodCommitRevert()).isEqualTo(pods);
        assertThat(b.forkAddTemplateNodeRevert()).isEqualTo(nodes + 1);
        assertThat(b.forkRemoveBusyNodeRevert()).isEqualTo(nodes - 1);
    }

    @Test
    void theEstimatorBenchmarkPlacesItsBurst() {
        EstimatorBenchmark b = new EstimatorBenchmark();
        b.mix = "uniform";
        b.setUp();
        assertThat(b.estimate().nodeCount()).isPositive();
    }
}
