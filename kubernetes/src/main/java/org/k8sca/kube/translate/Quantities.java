package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.Quantity;

import org.k8sca.core.resources.Resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a fabric8 resource list into core {@link Resources}, parsing each quantity exactly once
 * with the core parser (fabric8's own {@code Quantity} arithmetic is slow and imprecise at the
 * edges, and accepts text the API server never would).
 */
final class Quantities {

    private Quantities() {}

    /**
     * @param list a resource list such as {@code {cpu: 500m, memory: 1Gi}}; null means empty
     * @param object the object, for messages
     * @param field the field path of the list, for messages
     */
    static Resources resources(Map<String, Quantity> list, String object, String field)
            throws TranslationException {
        if (list == null || list.isEmpty()) {
            return Resources.ZERO;
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (Map.Entry<String, Quantity> e : list.entrySet()) {
            Quantity q = e.getValue();
            text.put(e.getKey(), q == null ? "" : q.toString());
        }
        try {
            return Resources.parse(text, field);
        } catch (IllegalArgumentException e) {
            throw new TranslationException(object, field, stripPrefix(e.getMessage(), field), e);
        }
    }

    /** {@link Resources#parse} starts its message with the "where" we passed; do not repeat it. */
    private static String stripPrefix(String message, String field) {
        String prefix = field + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
