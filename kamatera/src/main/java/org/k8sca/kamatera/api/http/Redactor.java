package org.k8sca.kamatera.api.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes secrets from text and JSON before it is logged or put in an exception message, two ways:
 * by key (the values of {@code password}, {@code passwordValidate}, {@code script-file} and {@code
 * userdata-file}, in requests and responses) and by value (every occurrence of a known secret
 * value: the API credentials, the password and script of the request in flight and the lines of
 * that script), so an error body that echoes the request leaks nothing either.
 */
final class Redactor {

    static final String MASK = "[REDACTED]";

    /** Keys whose values are always masked. */
    static final Set<String> SECRET_KEYS =
            Set.of("password", "passwordValidate", "script-file", "userdata-file");

    /**
     * Shorter values are not searched for: masking every "ab" in a log would garble it for no gain.
     */
    private static final int MIN_SECRET_LENGTH = 4;

    /**
     * Script lines at least this long are redacted on their own, in case an error quotes one line.
     */
    private static final int MIN_SCRIPT_LINE_LENGTH = 8;

    private static final String GENERATE = "__generate__";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final List<String> values;

    private Redactor(Collection<String> values) {
        this.values = List.copyOf(values);
    }

    /**
     * A redactor for the given secret values (null, short and {@code __generate__} values are
     * skipped).
     */
    static Redactor of(String... secretValues) {
        return new Redactor(List.of()).with(secretValues);
    }

    /** This redactor plus more secret values; JSON-escaped forms are added too. */
    Redactor with(String... secretValues) {
        Set<String> all = new LinkedHashSet<>(values);
        for (String value : secretValues) {
            if (value == null || value.length() < MIN_SECRET_LENGTH || value.equals(GENERATE)) {
                continue;
            }
            all.add(value);
            String quoted = MAPPER.writeValueAsString(value);
            all.add(quoted.substring(1, quoted.length() - 1));
        }
        List<String> sorted = new ArrayList<>(all);
        // Longest first, so a value that contains another is masked whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(sorted);
    }

    /** This redactor plus a script: the whole text and each of its longer lines. */
    Redactor withScript(String script) {
        if (script == null || script.isEmpty()) {
            return this;
        }
        List<String> parts = new ArrayList<>();
        parts.add(script);
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.length() >= MIN_SCRIPT_LINE_LENGTH) {
                parts.add(trimmed);
            }
        }
        return with(parts.toArray(String[]::new));
    }

    /** The text with every known secret value masked. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : values) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        return result;
    }

    /** A redacted deep copy of a JSON value. */
    JsonNode tree(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                JsonNode child = entry.getValue();
                copy.set(text(key), SECRET_KEYS.contains(key) ? masked(child) : tree(child));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode child : node) {
                copy.add(tree(child));
            }
            return copy;
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(text(node.stringValue()));
        }
        return node;
    }

    /** Compact JSON text of a redacted copy, for log lines. */
    String json(JsonNode node) {
        return node == null ? "" : MAPPER.writeValueAsString(tree(node));
    }

    private static JsonNode masked(JsonNode value) {
        boolean harmless =
                value.isNull()
                        || (value.isString()
                                && (value.stringValue().isEmpty()
                                        || value.stringValue().equals(GENERATE)));
        return harmless ? value : JsonNodeFactory.instance.stringNode(MASK);
    }
}
