package org.k8sca.app.observe;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.k8sca.app.flags.RunOptions;
import org.k8sca.app.http.HealthCheck;
import org.k8sca.app.http.ListenAddress;
import org.k8sca.app.http.ObservabilityServer;
import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.metrics.AutoscalerMetrics;
import org.k8sca.app.metrics.EventMetrics;
import org.k8sca.app.metrics.KamateraApiMetrics;
import org.k8sca.app.snapshot.SnapshotHandler;
import org.k8sca.app.status.StatusPage;
import org.k8sca.app.status.StatusPageSettings;
import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kube.actuation.ActuationMetrics;
import org.k8sca.kube.events.AutoscalerEvents;
import org.k8sca.kube.events.EventRecorder;
import org.k8sca.kube.events.KubeEventSink;
import org.k8sca.kube.status.StatusConfigMapWriter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything observability needs, wired from the {@code run} flags: the metrics registry, the HTTP
 * server on {@code --address} (started at once, so probes and scrapes work while waiting for the
 * leader lease), the health check, the event recorder and the status ConfigMap writer. The main
 * loop registers {@link #observers()}, passes {@link #kamateraApiListener()} to the Kamatera client
 * and {@link #events()} to its cluster operations, and calls {@link #close} on exit.
 */
public final class Observability implements AutoCloseable {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AutoscalerMetrics metrics = new AutoscalerMetrics(registry);
    private final KamateraApiMetrics kamateraApiMetrics = new KamateraApiMetrics(registry);
    private final HealthCheck health;
    private final ObservabilityServer server;
    private final EventRecorder recorder;
    private final AutoscalerEvents events;
    private final StatusConfigMapObserver status;
    private final List<LoopObserver> observers = new ArrayList<>();
    private final StatusPage statusPage;

    /** The {@code /snapshot} handler with {@code --debugging-snapshot-enabled}, else null. */
    private final SnapshotHandler snapshot;

    private Observability(
            RunOptions options,
            KubernetesClient client,
            Clock clock,
            String host,
            Function<String, Optional<String>> groupOfNode) {
        ListenAddress address = ListenAddress.parse(options.kubernetes().address());
        RunOptions.Loop loop = options.loop();
        String namespace = options.kubernetes().namespace();
        // Everything that can reject a flag comes before the event writer thread starts.
        StatusConfigMapWriter writer =
                loop.writeStatusConfigmap()
                        ? new StatusConfigMapWriter(client, namespace, loop.statusConfigMapName())
                        : null;
        health =
                new HealthCheck(
                        clock, loop.maxInactivity(), loop.maxFailingTime(), loop.maxStartupTime());
        recorder =
                new EventRecorder(
                        new KubeEventSink(client, host),
                        clock,
                        loop.recordDuplicatedEvents(),
                        EventRecorder.DEFAULT_QUEUE_CAPACITY);
        EventMetrics.register(registry, recorder);
        events = new AutoscalerEvents(recorder, namespace, loop.statusConfigMapName());
        RunOptions.Limits limits = options.limits();
        double gib = 1024.0 * 1024 * 1024;
        metrics.resourceLimits(
                limits.coresTotal().min(),
                limits.coresTotal().max(),
                limits.memoryTotalGib().min() * gib,
                limits.memoryTotalGib().max() * gib);
        observers.add(new HealthObserver(health));
        observers.add(
                new MetricsObserver(
                        metrics, limits.maxNodesTotal(), loop.emitPerNodegroupMetrics()));
        observers.add(new EventsObserver(events, limits.maxNodesTotal()));
        if (writer != null) {
            status = new StatusConfigMapObserver(writer, groupOfNode);
            observers.add(status);
        } else {
            status = null;
        }
        statusPage =
                new StatusPage(
                        clock,
                        StatusPageSettings.DEFAULTS
                                .withScaleDownUnneededTime(
                                        options.scaleDown().scaleDownUnneededTime())
                                .withGroupOfNode(groupOfNode));
        observers.add(statusPage);
        try {
            server = new ObservabilityServer(address, registry, health);
        } catch (RuntimeException e) {
            recorder.close();
            throw e;
        }
        server.handle("/status", statusPage.handler());
        if (loop.debuggingSnapshotEnabled()) {
            snapshot = new SnapshotHandler();
            server.handle("/snapshot", snapshot);
        } else {
            snapshot = null;
        }
        server.start();
    }

    /**
     * Builds everything and starts the HTTP server.
     *
     * @param host this replica's name for events' {@code source.host} (e.g. the pod name); may be
     *     empty
     * @param groupOfNode a node's group by node name, for the status ConfigMap's per-group
     *     candidates
     * @throws IllegalArgumentException for a bad {@code --address}
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static Observability start(
            RunOptions options,
            KubernetesClient client,
            Clock clock,
            String host,
            Function<String, Optional<String>> groupOfNode) {
        return new Observability(options, client, clock, host, groupOfNode);
    }

    /**
     * Health, metrics, events, (with {@code --write-status-configmap}) the status ConfigMap and the
     * {@code /status} page, in that order.
     */
    public List<LoopObserver> observers() {
        return List.copyOf(observers);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public AutoscalerMetrics metrics() {
        return metrics;
    }

    /** For the cluster operations: counts evictions in {@code evicted_pods_total}. */
    public ActuationMetrics actuationMetrics() {
        return metrics::evictedPod;
    }

    /**
     * The Kamatera client's {@code ApiCallListener}: counts each call in the metrics and on the
     * {@code /status} page (the page even when the metrics throw; the client logs what they threw).
     */
    public ApiCallListener kamateraApiListener() {
        ApiCallListener page = statusPage.apiCalls();
        return new ApiCallListener() {
            @Override
            public void onAttempt(AttemptEvent event) {
                try {
                    kamateraApiMetrics.onAttempt(event);
                } finally {
                    page.onAttempt(event);
                }
            }

            @Override
            public void onCall(CallEvent event) {
                try {
                    kamateraApiMetrics.onCall(event);
                } finally {
                    page.onCall(event);
                }
            }
        };
    }

    /** For the cluster operations' node and pod events, and other events outside the observers. */
    public AutoscalerEvents events() {
        return events;
    }

    /** The {@code /status} page (also one of {@link #observers()}). */
    public StatusPage statusPage() {
        return statusPage;
    }

    public HealthCheck health() {
        return health;
    }

    public ObservabilityServer server() {
        return server;
    }

    /**
     * Serves {@code /snapshot} from {@code source} (the JSON of {@code LiveSnapshot.json}); does
     * nothing without {@code --debugging-snapshot-enabled}. Until called, {@code /snapshot} answers
     * 503.
     */
    public void serveSnapshots(Supplier<String> source) {
        if (snapshot != null) {
            snapshot.source(source);
        }
    }

    /** Writes {@code autoscalerStatus: Initializing}; call once leading, before the first loop. */
    public void writeInitializingStatus(Instant now) {
        if (status != null) {
            status.writeInitializing(now);
        }
    }

    /** Deletes the status ConfigMap (upstream does this on a clean exit while leading). */
    public void deleteStatus() {
        if (status != null) {
            status.delete();
        }
    }

    /** Flushes and stops the event writer and stops the HTTP server. */
    @Override
    public void close() {
        recorder.close();
        server.close();
    }
}
