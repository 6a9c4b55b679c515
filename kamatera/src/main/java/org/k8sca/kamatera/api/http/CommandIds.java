package org.k8sca.kamatera.api.http;

import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Upstream's command id rule (kamatera-provider.md §2.4), widened to numbers: a response yields a
 * command id when it is a non-empty string or an integral number, or an array of exactly one
 * element that recursively yields one ({@code ["x"]}, {@code "x"}, {@code [["x"]]}, {@code
 * [12345]}). Everything else ({@code []}, {@code [1,2]}, {@code [null]}, {@code [""]}, objects)
 * yields nothing: a single-server call must answer with exactly one id.
 */
final class CommandIds {

    private CommandIds() {}

    static Optional<String> extract(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isString()) {
            String id = node.stringValue();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        if (node.isArray() && node.size() == 1) {
            return extract(node.get(0));
        }
        return Optional.empty();
    }
}
