package org.k8sca.kamatera.sim.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a query string and a body into parameters like Laravel does: a JSON object body when the
 * Content-Type says JSON, otherwise an {@code application/x-www-form-urlencoded} body. {@code +}
 * and {@code %20} both decode to a space; a repeated key keeps its last value.
 */
final class InputParser {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private InputParser() {}

    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(k), decode(v));
        }
        return out;
    }

    static Map<String, JsonNode> body(String contentType, String body) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return out;
        }
        if (contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            try {
                JsonNode n = MAPPER.readTree(body);
                if (n != null && n.isObject()) {
                    n.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
                }
            } catch (JacksonException e) {
                // Laravel treats an unreadable JSON body as no input; the request then fails on
                // missing fields.
            }
            return out;
        }
        query(body).forEach((k, v) -> out.put(k, JsonNodeFactory.instance.stringNode(v)));
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed %-escape is kept as typed
        }
    }
}
