/**
 * The HTTP endpoints on {@code --address} (default {@code :8085}), served by the JDK's {@code
 * HttpServer}: {@code /metrics} (Prometheus text format) and {@code /health-check} (the liveness
 * probe, judged by {@link org.k8sca.app.http.HealthCheck} on an injected clock).
 */
package org.k8sca.app.http;
