package org.k8sca.app.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.k8sca.kube.events.EventRecorder;

/**
 * {@code kamatera_autoscaler_events_total{result}}: what became of the Kubernetes events the
 * autoscaler recorded ({@code written}, {@code failed}, {@code dropped} because the queue was full,
 * {@code suppressed} as duplicates), read from the recorder at each scrape.
 */
public final class EventMetrics {

    private EventMetrics() {}

    public static void register(PrometheusRegistry registry, EventRecorder recorder) {
        CounterWithCallback.builder()
                .name("kamatera_autoscaler_events_total")
                .help("Kubernetes events recorded by the autoscaler, by what became of them.")
                .labelNames("result")
                .callback(
                        cb -> {
                            cb.call(recorder.written(), "written");
                            cb.call(recorder.failed(), "failed");
                            cb.call(recorder.dropped(), "dropped");
                            cb.call(recorder.suppressed(), "suppressed");
                        })
                .register(registry);
    }
}
