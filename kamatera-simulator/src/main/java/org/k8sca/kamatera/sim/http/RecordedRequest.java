package org.k8sca.kamatera.sim.http;

import org.k8sca.kamatera.sim.knobs.Endpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the simulator received it, for tests that assert exact bodies and headers. The
 * {@code AuthSecret} header value is replaced by {@value #REDACTED}; the body is kept verbatim (it
 * may hold passwords and scripts, so {@link #toString()} shows only its length).
 *
 * @param seq 1-based arrival number
 * @param receivedAt the simulator clock's instant at arrival
 * @param endpoint the matched endpoint, or null for an unknown route
 * @param query the raw (still URL-encoded) query string, or "" when absent
 * @param headers header names in lower case
 */
public record RecordedRequest(
        long seq,
        Instant receivedAt,
        String method,
        String path,
        String query,
        Endpoint endpoint,
        Map<String, List<String>> headers,
        String body) {
    public static final String REDACTED = "<redacted>";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body parsed as JSON (throws {@code JacksonException} if it is not JSON). */
    public JsonNode jsonBody() {
        return MAPPER.readTree(body);
    }

    @Override
    public String toString() {
        return "RecordedRequest[#"
                + seq
                + " "
                + method
                + " "
                + path
                + (query.isEmpty() ? "" : "?" + query)
                + " endpoint="
                + endpoint
                + " body="
                + body.length()
                + " chars]";
    }
}
