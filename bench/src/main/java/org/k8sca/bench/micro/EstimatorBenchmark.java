package org.k8sca.bench.micro;

import org.k8sca.bench.packing.Burst;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.estimator.BinpackingEstimator;
import org.k8sca.core.estimator.Estimate;
import org.k8sca.core.estimator.EstimationLimits;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.podgroup.PodGroup;
import org.k8sca.core.scheduling.PredicateChecker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The binpacking estimator: one burst packed onto new nodes of one group, in a 1000-node snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EstimatorBenchmark {

    /** Which burst mix (see {@link Burst#MIXES}). */
    @Param({"uniform", "mixed", "large"})
    public String mix;

    private PredicateChecker checker;
    private BinpackingEstimator estimator;
    private NodeTemplate template;
    private List<PodGroup> groups;
    private final EstimationLimits limits = new EstimationLimits(1_000, Duration.ofMinutes(5));

    @Setup
    public void setUp() {
        ClusterState s = new ClusterState();
        checker = new PredicateChecker(s.cluster.snapshot());
        estimator = new BinpackingEstimator(s.clock);
        template = s.templates.get("compute-16").template();
        groups = EquivalenceGrouper.group(Burst.generate(mix, 1).pods());
    }

    @Benchmark
    public Estimate estimate() {
        return estimator.estimate(checker, "compute-16", template, groups, limits);
    }
}
