package org.k8sca.bench.micro;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scheduling.Placement;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.scheduling.PredicateFailure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Predicate checks: one pod against one node (the PreFilter state is cached per pod, as in a filter
 * over many nodes), and a search of every node for a pod that fits none (the worst case of "does
 * this pending pod fit anywhere").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PredicateBenchmark {

    private PredicateChecker checker;
    private String node;
    private Pod plain;
    private Pod antiAffine;
    private Pod spread;
    private Pod tooBig;
    private Pod tooBigAntiAffine;

    @Setup
    public void setUp() {
        ClusterState s = new ClusterState();
        checker = new PredicateChecker(s.cluster.snapshot());
        node = s.someNode().name();
        plain =
                s.pending(
                        p ->
                                p.antiAffinityTerms().isEmpty()
                                        && p.spreadConstraints().isEmpty()
                                        && p.nodeSelector().isEmpty(),
                        "is unconstrained");
        antiAffine = s.newReplicaOf(p -> !p.antiAffinityTerms().isEmpty(), "is anti-affine");
        spread = s.newReplicaOf(p -> !p.spreadConstraints().isEmpty(), "spreads over zones");
        Resources huge = Resources.of(64_000, 256L << 30, 0, 0, 0);
        tooBig =
                Pod.builder("bench", "too-big")
                        .labels(Labels.of("app", "too-big"))
                        .requests(huge)
                        .build();
        tooBigAntiAffine =
                Pod.builder(antiAffine.namespace(), "too-big-anti")
                        .labels(antiAffine.labels())
                        .antiAffinityTerms(antiAffine.antiAffinityTerms())
                        .requests(huge)
                        .build();
    }

    @Benchmark
    public Optional<PredicateFailure> checkOnNodePlain() {
        return checker.checkOnNode(plain, node);
    }

    @Benchmark
    public Optional<PredicateFailure> checkOnNodeAntiAffinity() {
        return checker.checkOnNode(antiAffine, node);
    }

    @Benchmark
    public Optional<PredicateFailure> checkOnNodeZoneSpread() {
        return checker.checkOnNode(spread, node);
    }

    /** Every one of the ~1000 nodes is tried and rejected for resources. */
    @Benchmark
    public Placement findNodeFitsNowhere() {
        return checker.findNode(tooBig);
    }

    /**
     * The same with required anti-affinity: the affinity state is computed once, then every node is
     * tried.
     */
    @Benchmark
    public Placement findNodeFitsNowhereAntiAffinity() {
        return checker.findNode(tooBigAntiAffine);
    }
}
