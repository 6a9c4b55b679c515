package org.k8sca.app.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.k8sca.kamatera.api.ApiCallListener;
import org.k8sca.kamatera.api.Outcome;

/**
 * Kamatera API metrics, fed by the HTTP client's {@link ApiCallListener}: {@code
 * kamatera_api_calls_total{endpoint,outcome}} and {@code
 * kamatera_api_errors_total{endpoint,outcome}} per logical call (after retries), {@code
 * kamatera_api_call_duration_seconds{endpoint}} for its latency including retries, and {@code
 * kamatera_api_http_attempts_total{endpoint,outcome}} per HTTP request, so retries show. Labels are
 * the client's stable endpoint and outcome names.
 */
public final class KamateraApiMetrics implements ApiCallListener {

    /** From a quick status read to a slow create-server queue wait. */
    public static final double[] DURATION_BUCKETS = {
        0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300
    };

    private final Counter calls;
    private final Counter errors;
    private final Histogram duration;
    private final Counter attempts;

    public KamateraApiMetrics(PrometheusRegistry registry) {
        calls =
                Counter.builder()
                        .name("kamatera_api_calls_total")
                        .help("Kamatera API calls, after retries, by endpoint and outcome.")
                        .labelNames("endpoint", "outcome")
                        .register(registry);
        errors =
                Counter.builder()
                        .name("kamatera_api_errors_total")
                        .help(
                                "Kamatera API calls that failed, after retries, by endpoint and"
                                        + " outcome.")
                        .labelNames("endpoint", "outcome")
                        .register(registry);
        duration =
                Histogram.builder()
                        .name("kamatera_api_call_duration_seconds")
                        .help(
                                "Time taken by Kamatera API calls, including retries and waits"
                                        + " between them.")
                        .labelNames("endpoint")
                        .classicOnly()
                        .classicUpperBounds(DURATION_BUCKETS)
                        .register(registry);
        attempts =
                Counter.builder()
                        .name("kamatera_api_http_attempts_total")
                        .help(
                                "HTTP requests sent to the Kamatera API, retries included, by"
                                        + " endpoint and outcome.")
                        .labelNames("endpoint", "outcome")
                        .register(registry);
    }

    @Override
    public void onAttempt(AttemptEvent event) {
        attempts.labelValues(event.endpoint().metricName(), event.outcome().label()).inc();
    }

    @Override
    public void onCall(CallEvent event) {
        String endpoint = event.endpoint().metricName();
        String outcome = event.outcome().label();
        calls.labelValues(endpoint, outcome).inc();
        if (event.outcome() != Outcome.OK) {
            errors.labelValues(endpoint, outcome).inc();
        }
        duration.labelValues(endpoint).observe(event.latency().toNanos() / 1e9);
    }
}
