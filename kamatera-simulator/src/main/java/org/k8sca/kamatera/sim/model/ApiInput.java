package org.k8sca.kamatera.sim.model;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request parameters as cloudcli-server (Laravel) sees them: query string and body merged, body
 * winning, after the global middleware (strings trimmed except {@code password}; empty strings
 * become null, i.e. "missing"). Values keep their JSON types so PHP's loose comparisons can be
 * reproduced.
 */
public final class ApiInput {
    private final Map<String, JsonNode> values;

    private ApiInput(Map<String, JsonNode> values) {
        this.values = values;
    }

    /** Merges query parameters and body parameters (body first, like Laravel's input()). */
    public static ApiInput of(Map<String, String> query, Map<String, JsonNode> body) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        query.forEach((k, v) -> merged.put(k, JsonNodeFactory.instance.stringNode(v)));
        merged.putAll(body);
        Map<String, JsonNode> cleaned = new LinkedHashMap<>();
        merged.forEach((k, v) -> cleaned.put(k, middleware(k, v)));
        return new ApiInput(cleaned);
    }

    public static ApiInput empty() {
        return new ApiInput(Map.of());
    }

    private static JsonNode middleware(String key, JsonNode v) {
        if (v != null && v.isString()) {
            String s = key.equals("password") ? v.stringValue() : v.stringValue().trim();
            return s.isEmpty() ? NullNode.getInstance() : JsonNodeFactory.instance.stringNode(s);
        }
        return v == null ? NullNode.getInstance() : v;
    }

    /** True when the key is present with a non-null value. */
    public boolean has(String key) {
        JsonNode v = values.get(key);
        return v != null && !v.isNull();
    }

    /** The raw value, or null when missing. */
    public JsonNode raw(String key) {
        JsonNode v = values.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /**
     * The value as PHP would turn it into a string (true → "1", false → ""), or null when missing.
     */
    public String string(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "1" : "";
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.asString();
        }
        return v.toString();
    }

    /**
     * PHP 7.4's {@code $value == "true"}, which decides cloudcli's boolean flags ({@code force},
     * {@code dryrun}): JSON true and the string "true" count, form "1" or "yes" do not, and — PHP
     * compares a number with a non-numeric string as numbers — the number 0 does.
     */
    public boolean equalsTrueLoosely(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString()) {
            return v.stringValue().equals("true");
        }
        if (v.isNumber()) {
            return v.doubleValue() == 0.0;
        }
        return false;
    }

    /** PHP truthiness: missing, false, 0, "0", "" and empty arrays are false. */
    public boolean truthy(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0.0;
        }
        if (v.isString()) {
            return !v.stringValue().isEmpty() && !v.stringValue().equals("0");
        }
        if (v.isContainer()) {
            return !v.isEmpty();
        }
        return true;
    }
}
