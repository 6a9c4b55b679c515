/**
 * The HTTP implementation of {@link org.k8sca.kamatera.api.KamateraApi} on the JDK {@code
 * java.net.http.HttpClient} (HTTP/1.1) and Jackson 3: request bodies with upstream's exact keys,
 * response shape checks with upstream's error wording, retries with backoff where a repeat is safe,
 * per-call deadlines, client-side rate limiting, metrics events and redacted logging.
 */
package org.k8sca.kamatera.api.http;
