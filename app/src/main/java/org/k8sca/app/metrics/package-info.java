/**
 * Prometheus metrics: {@link org.k8sca.app.metrics.AutoscalerMetrics} holds the upstream {@code
 * cluster_autoscaler_*} metrics with upstream names, types and labels, so existing dashboards and
 * alerts work unchanged; {@link org.k8sca.app.metrics.KamateraApiMetrics} counts and times the
 * Kamatera API calls; {@link org.k8sca.app.metrics.EventMetrics} exposes the event recorder's
 * counts. All live in one {@link io.prometheus.metrics.model.registry.PrometheusRegistry} that the
 * HTTP server exposes on {@code /metrics}.
 */
package org.k8sca.app.metrics;
