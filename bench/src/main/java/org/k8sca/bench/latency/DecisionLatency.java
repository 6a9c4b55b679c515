package org.k8sca.bench.latency;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.loop.ActuatorTicker;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.loop.LoopScheduler;
import org.k8sca.app.loop.WakeSignal;
import org.k8sca.app.observe.EventsObserver;
import org.k8sca.app.run.AutoscalerAssembly;
import org.k8sca.bench.loop.Quiet;
import org.k8sca.bench.macro.PassMeter;
import org.k8sca.kamatera.api.http.ClientOptions;
import org.k8sca.kamatera.api.http.KamateraHttpApi;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.provider.ProviderOptions;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.http.RecordedRequest;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.KubeEventSink;
import org.k8sca.kube.testing.MockApiServer;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures, in real time, how long the autoscaler takes from a pending pod's creation to the
 * Kamatera create request for the node it needs: the real {@link AutoscalerAssembly} (informers,
 * provider over HTTP, planner, loop) driven by the real {@link LoopScheduler} (scan interval 10 s,
 * frequent loops, woken by new unschedulable pods, as {@code run} does), against the mock API
 * server and the Kamatera simulator holding a cluster of busy nodes ({@link LatencyCluster}).
 *
 * <p>Each trial waits 1 s plus a random share of a gap (4 s from the command line), so that trials
 * fall at random points of the loop schedule; creates one pod that only a new node of its own probe
 * group fits; waits for the simulator to receive the create request; and deletes the pod. A watch
 * plays kube-scheduler and marks the pod unschedulable. Each trial is split into: pod created →
 * marked unschedulable (the stand-in scheduler) → seen by the autoscaler's informer (which wakes
 * the loop) → start of the loop that made the request → the request reaching the simulator.
 */
public final class DecisionLatency {

    /**
     * One trial's times.
     *
     * @param total pod created → create request received
     * @param toMarked pod created → marked unschedulable
     * @param markedToSeen marked → the autoscaler's informer saw it unschedulable
     * @param seenToLoop seen → the start of the loop that sent the request (zero when that loop
     *     started before the informer's notice: it still saw the pod)
     * @param loopToRequest that loop's start (or the notice, if later) → the request received
     */
    public record Trial(
            Duration total,
            Duration toMarked,
            Duration markedToSeen,
            Duration seenToLoop,
            Duration loopToRequest) {}

    /**
     * @param nodes the cluster's nodes
     * @param pods the bound pods
     * @param setup how long filling the API server and simulator took
     * @param sync how long the autoscaler's informers took to list everything
     * @param autoscalerHeapBytes heap after GC with the autoscaler started and its first loop done,
     *     minus the heap after GC before it was built: its informer caches and its own state
     * @param trials the measured trials, in order
     */
    public record Result(
            int nodes,
            int pods,
            Duration setup,
            Duration sync,
            long autoscalerHeapBytes,
            List<Trial> trials) {}

    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(10);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

    private DecisionLatency() {}

    /**
     * @param warmup trials run first and not reported (the JIT warms up)
     * @param gap each trial starts after 1 s plus a random share of {@code gap}, so that trials
     *     fall at random points of the loop schedule
     */
    public static Result run(
            int nodes,
            int podsPerNode,
            int warmup,
            int trials,
            Duration gap,
            long seed,
            PrintStream progress)
            throws Exception {
        Quiet.logs();
        try (MockApiServer api = new MockApiServer();
                KamateraSimulator sim =
                        KamateraSimulator.builder()
                                .credentials(LatencyCluster.CLIENT_ID, LatencyCluster.SECRET)
                                .clock(InstantSource.system())
                                .seed(seed)
                                .timings(
                                        new Timings()
                                                .pendingDelay(DurationRange.ZERO)
                                                .allDurations(
                                                        DurationRange.fixed(
                                                                Duration.ofMinutes(10))))
                                .build()
                                .start()) {
            KubernetesClient client = api.client();
            Instant setupStart = Instant.now();
            LatencyCluster.fill(
                    client, sim, nodes, podsPerNode, setupStart.minus(Duration.ofHours(1)));
            Duration setup = Duration.between(setupStart, Instant.now());
            progress.printf(
                    "# %d nodes and %d pods created in %.1f s%n",
                    nodes, nodes * podsPerNode, setup.toMillis() / 1000.0);
            CloudConfig config =
                    CloudConfigLoader.parse(
                            LatencyCluster.cloudConfig(sim.baseUrl(), nodes, warmup + trials),
                            "latency.ini",
                            Map.of());
            Clock clock = Clock.systemUTC();
            long heapBefore = PassMeter.heapAfterGc();
            EventRecorder recorder =
                    new EventRecorder(
                            new KubeEventSink(client, "latency-bench"),
                            clock,
                            false,
                            EventRecorder.DEFAULT_QUEUE_CAPACITY);
            AutoscalerEvents events =
                    new AutoscalerEvents(
                            recorder, LatencyCluster.NAMESPACE, "cluster-autoscaler-status");
            LoopStarts starts = new LoopStarts();
            try (recorder;
                    AutoscalerAssembly assembly =
                            new AutoscalerAssembly(
                                    DecisionSettings.DEFAULTS,
                                    LatencyCluster.NAMESPACE,
                                    config,
                                    new KamateraHttpApi(
                                            config.apiUrl(),
                                            config.apiClientId(),
                                            config.apiSecret(),
                                            ClientOptions.builder().build()),
                                    ProviderOptions.defaults(),
                                    client,
                                    clock,
                                    List.of(new EventsObserver(events, 0), starts),
                                    events)) {
                LoopScheduler scheduler =
                        new LoopScheduler(
                                assembly.loop()::runOnce,
                                clock,
                                WakeSignal.monotonic(),
                                SCAN_INTERVAL,
                                true);
                Map<String, Instant> seen = new ConcurrentHashMap<>();
                assembly.view()
                        .addUnschedulablePodListener(
                                pod -> {
                                    seen.putIfAbsent(pod.key(), Instant.now());
                                    scheduler.wakeUp();
                                });
                Instant syncStart = Instant.now();
                assembly.view().start(Duration.ofMinutes(5));
                Duration sync = Duration.between(syncStart, Instant.now());
                progress.printf("# informers synced in %.1f s%n", sync.toMillis() / 1000.0);
                Thread loopThread = new Thread(scheduler::run, "autoscaler-loop");
                loopThread.setDaemon(true);
                List<Trial> measured = new ArrayList<>();
                long[] heap = new long[1];
                try (ActuatorTicker ticker = new ActuatorTicker(assembly.actuator(), clock);
                        UnschedulableMarker marker = new UnschedulableMarker(client)) {
                    loopThread.start();
                    // The first loop lists every server's tags; start when it is behind us.
                    Instant firstLoopDeadline = Instant.now().plus(REQUEST_LIMIT);
                    while (starts.finished() < 1) {
                        if (Instant.now().isAfter(firstLoopDeadline)) {
                            throw new IllegalStateException(
                                    "the first autoscaler loop did not finish within "
                                            + REQUEST_LIMIT);
                        }
                        Thread.sleep(20);
                    }
                    long autoscalerHeap = PassMeter.heapAfterGc() - heapBefore;
                    progress.printf(
                            "# autoscaler heap after GC (informers and state): %.1f MiB%n",
                            autoscalerHeap / (1024.0 * 1024.0));
                    heap[0] = autoscalerHeap;
                    Random random = new Random(seed);
                    for (int k = 0; k < warmup + trials; k++) {
                        Thread.sleep(1000 + (long) (random.nextDouble() * gap.toMillis()));
                        Trial t = trial(client, sim, marker, seen, starts, k);
                        if (k >= warmup) {
                            measured.add(t);
                            progress.printf(
                                    "# trial %d: %.3f s%n",
                                    k - warmup + 1, t.total().toNanos() / 1e9);
                        }
                    }
                } finally {
                    scheduler.stop();
                    loopThread.join(Duration.ofSeconds(30).toMillis());
                }
                return new Result(nodes, nodes * podsPerNode, setup, sync, heap[0], measured);
            }
        }
    }

    private static Trial trial(
            KubernetesClient client,
            KamateraSimulator sim,
            UnschedulableMarker marker,
            Map<String, Instant> seen,
            LoopStarts starts,
            int k)
            throws InterruptedException {
        String group = LatencyCluster.probeGroup(k);
        String name = "probe-" + group;
        int before = sim.requestCount(Endpoint.CREATE_SERVER);
        Instant created = Instant.now();
        client.pods()
                .inNamespace("default")
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withNamespace("default")
                                // The API server stamps creation in whole seconds.
                                .withCreationTimestamp(
                                        created.truncatedTo(ChronoUnit.SECONDS).toString())
                                .withLabels(
                                        Map.of(
                                                UnschedulableMarker.LABEL,
                                                UnschedulableMarker.VALUE))
                                .endMetadata()
                                .withNewSpec()
                                .withNodeSelector(Map.of("probe", group))
                                .addNewContainer()
                                .withName("main")
                                .withImage("app")
                                .withNewResources()
                                .addToRequests("cpu", new Quantity("500m"))
                                .addToRequests("memory", new Quantity("512Mi"))
                                .endResources()
                                .endContainer()
                                .endSpec()
                                .withNewStatus()
                                .withPhase("Pending")
                                .endStatus()
                                .build())
                .create();
        Instant deadline = created.plus(REQUEST_LIMIT);
        while (sim.requestCount(Endpoint.CREATE_SERVER) <= before) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "no create request within " + REQUEST_LIMIT + " of creating pod " + name);
            }
            Thread.sleep(2);
        }
        RecordedRequest request = sim.journal(Endpoint.CREATE_SERVER).get(before);
        Instant requested = request.receivedAt();
        String key = "default/" + name;
        Instant marked = marker.markedAt(key);
        Instant seenAt = seen.get(key);
        Instant loopStart = starts.lastAtOrBefore(requested);
        client.pods().inNamespace("default").withName(name).delete();
        // The marks are taken on different threads, a little after what they mark: put them in
        // order on one timeline from creation to request, so the parts add up to the total.
        Instant s = seenAt == null ? requested : earlier(seenAt, requested);
        Instant m = marked == null ? s : later(created, earlier(marked, s));
        s = later(s, m);
        Instant l = loopStart == null ? s : earlier(later(loopStart, s), requested);
        return new Trial(
                Duration.between(created, requested),
                Duration.between(created, m),
                Duration.between(m, s),
                Duration.between(s, l),
                Duration.between(l, requested));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The real start time of every loop. */
    private static final class LoopStarts implements LoopObserver {
        private final List<Instant> starts = new CopyOnWriteArrayList<>();
        private volatile int finished;

        @Override
        public void loopStarted(Instant now) {
            starts.add(now);
        }

        @Override
        public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
            finished++;
        }

        int finished() {
            return finished;
        }

        Instant lastAtOrBefore(Instant t) {
            Instant best = null;
            for (Instant s : starts) {
                if (!s.isAfter(t)) {
                    best = s;
                }
            }
            return best;
        }
    }
}
