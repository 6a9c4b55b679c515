package org.k8sca.bench.heap;

import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.ActuatorRunner;
import org.k8sca.app.loop.AutoscalerLoop;
import org.k8sca.app.loop.LoopOutcome;
import org.k8sca.app.loop.NodeMarks;
import org.k8sca.bench.cluster.ClusterGenerator;
import org.k8sca.bench.cluster.ClusterSpec;
import org.k8sca.bench.cluster.GeneratedCluster;
import org.k8sca.bench.loop.InMemoryKamatera;
import org.k8sca.bench.loop.LoopCluster;
import org.k8sca.bench.loop.NoClusterOperations;
import org.k8sca.bench.loop.Quiet;
import org.k8sca.bench.macro.PassMeter;
import org.k8sca.bench.macro.SteppedClock;
import org.k8sca.core.scaledown.actuation.ScaleDownActuator;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.provider.KamateraCloudProvider;
import org.k8sca.kamatera.provider.NodeMetadata;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kube.objects.SchedulingState;

import java.io.PrintStream;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Heap after GC of a whole autoscaler for a generated cluster of {@code nodes} × 30 pods (500
 * pending), measured in three stages without an API server:
 *
 * <ol>
 *   <li><b>fabric8 objects</b>: the cluster as the API server would list it ({@link
 *       Fabric8Cluster}), held in informer caches built as the cluster view builds them ({@link
 *       InformerCaches}); also holds the cloud config and the account's server list (well under 1
 *       MiB);
 *   <li><b>translated model</b>: what the cluster view keeps besides ({@link TranslatedView});
 *   <li><b>loop</b>: the Kamatera provider (its listing done) over the in-memory account, the
 *       planner and one full {@link AutoscalerLoop#runOnce}, scale-up executed, all kept.
 * </ol>
 *
 * Each stage is the heap in use after three {@code System.gc()} calls minus the one before; the
 * first is measured against the heap before the cluster is generated.
 */
public final class HeapBench {

    /** Pods per node and pending pods, as the full-loop benchmark's {@code Nx30/500}. */
    static final int PODS_PER_NODE = 30;

    static final int PENDING = 500;

    private HeapBench() {}

    /**
     * What one size measured.
     *
     * @param nodes nodes asked for (the cluster has 2 % more, the warm pool)
     * @param objects cached fabric8 objects per kind
     * @param boundPods pods bound to nodes
     * @param pendingPods unschedulable pods
     * @param fabric8Bytes heap held by the informer caches (stage 1)
     * @param translatedBytes heap held by the translated view (stage 2)
     * @param loopBytes heap held by the provider, planner and loop after one loop (stage 3)
     * @param creates servers the loop's scale-up asked the account for
     * @param outcome what the loop returned
     */
    public record HeapResult(
            int nodes,
            Map<String, Integer> objects,
            int boundPods,
            int pendingPods,
            long fabric8Bytes,
            long translatedBytes,
            long loopBytes,
            int creates,
            LoopOutcome outcome) {

        public long totalBytes() {
            return fabric8Bytes + translatedBytes + loopBytes;
        }
    }

    /** The cluster's config and servers, kept after the generated cluster itself is dropped. */
    private record Account(CloudConfig config, List<InMemoryKamatera.Server> servers) {}

    public static void run(int nodes, PrintStream out) {
        HeapResult r = measure(nodes);
        out.println(line(r));
        out.println("    objects: " + r.objects());
        if (r.outcome().error().isPresent()) {
            throw new IllegalStateException(
                    "the loop at " + nodes + " nodes failed", r.outcome().error().get());
        }
    }

    /** Measures the three stages for a cluster of {@code nodes} × 30 pods. */
    public static HeapResult measure(int nodes) {
        return measure(nodes, PassMeter::heapAfterGc);
    }

    /**
     * Measures with {@code heapAfterGc} as the heap reader (tests pass one that does not collect,
     * so they run quickly).
     */
    static HeapResult measure(int nodes, LongSupplier heapAfterGc) {
        Quiet.logs();
        long before = heapAfterGc.getAsLong();
        InformerCaches caches = new InformerCaches();
        Account account = fill(ClusterSpec.of(nodes, PODS_PER_NODE, PENDING), caches);
        long afterObjects = heapAfterGc.getAsLong();

        TranslatedView view = TranslatedView.of(caches);
        long afterTranslation = heapAfterGc.getAsLong();

        SteppedClock clock = new SteppedClock(ClusterGenerator.BASE_TIME.plusSeconds(86_400));
        InMemoryKamatera api = new InMemoryKamatera(account.servers());
        DecisionSettings settings = DecisionSettings.DEFAULTS;
        KamateraCloudProvider provider =
                new KamateraCloudProvider(
                        account.config(),
                        api,
                        ProviderOptions.defaults().withClock(clock),
                        NodeMetadata.NONE);
        provider.refresh();
        clock.advance(Duration.ofMinutes(1));
        AutoscalerLoop loop =
                new AutoscalerLoop(
                        clock,
                        provider,
                        view::objects,
                        new DecisionPass(settings, clock),
                        new ActuatorRunner(
                                new ScaleDownActuator(
                                        settings.scaleDown(), new NoClusterOperations())),
                        new NoClusterOperations(),
                        NodeMarks.NONE,
                        List.of());
        LoopOutcome outcome = loop.runOnce(clock.instant());
        long afterLoop = heapAfterGc.getAsLong();

        HeapResult result =
                new HeapResult(
                        nodes,
                        caches.counts(),
                        view.objects().podsIn(SchedulingState.BOUND).size(),
                        view.objects().podsIn(SchedulingState.UNSCHEDULABLE).size(),
                        afterObjects - before,
                        afterTranslation - afterObjects,
                        afterLoop - afterTranslation,
                        api.calls().getOrDefault(Endpoint.CREATE_SERVER, 0),
                        outcome);
        // Everything measured must stay reachable until the last measurement.
        Reference.reachabilityFence(caches);
        Reference.reachabilityFence(view);
        Reference.reachabilityFence(loop);
        Reference.reachabilityFence(provider);
        return result;
    }

    /**
     * Generates the cluster, writes it into {@code caches} and returns only its config and servers,
     * so the generated snapshot is garbage once this returns.
     */
    private static Account fill(ClusterSpec spec, InformerCaches caches) {
        GeneratedCluster generated = ClusterGenerator.generate(spec);
        CloudConfig config = LoopCluster.cloudConfig(generated);
        Account account = new Account(config, LoopCluster.servers(generated, config));
        Fabric8Cluster.write(generated, config.providerIdPrefix(), caches::put);
        return account;
    }

    static String line(HeapResult r) {
        double total = mib(r.totalBytes());
        double target = r.nodes() <= 1000 ? 256 : r.nodes() <= 5000 ? 1024 : 0;
        String verdict;
        if (r.nodes() != 1000 && r.nodes() != 5000) {
            verdict = "none";
        } else if (total <= target) {
            verdict = String.format(Locale.ROOT, "%.0f MiB: met", target);
        } else {
            verdict =
                    String.format(
                            Locale.ROOT,
                            "%.0f MiB: MISSED by %.0f %%",
                            target,
                            100 * (total / target - 1));
        }
        return String.format(
                Locale.ROOT,
                "heap %d nodes: nodes=%d pods=%d pending=%d objects=%d creates=%d | fabric8 objects"
                        + " %.1f MiB | translated %.1f MiB | loop %.1f MiB | total %.1f MiB (target"
                        + " %s) | max heap %d MiB",
                r.nodes(),
                r.objects().getOrDefault("Node", 0),
                r.boundPods(),
                r.pendingPods(),
                r.objects().values().stream().mapToInt(Integer::intValue).sum(),
                r.creates(),
                mib(r.fabric8Bytes()),
                mib(r.translatedBytes()),
                mib(r.loopBytes()),
                total,
                verdict,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
