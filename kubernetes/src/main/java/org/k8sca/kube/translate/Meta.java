package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;

import org.k8sca.core.labels.Labels;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads object metadata: names for messages, labels, timestamps and the controller owner. */
final class Meta {

    private Meta() {}

    /** {@code Kind namespace/name} (or {@code Kind name} for cluster objects), for messages. */
    static String describe(HasMetadata object) {
        ObjectMeta m = object.getMetadata();
        String kind =
                object.getKind() == null ? object.getClass().getSimpleName() : object.getKind();
        if (m == null) {
            return kind + " <no metadata>";
        }
        String ns = m.getNamespace();
        return kind + " " + (ns == null || ns.isEmpty() ? "" : ns + "/") + m.getName();
    }

    static ObjectMeta metadata(HasMetadata object) throws TranslationException {
        ObjectMeta m = object.getMetadata();
        if (m == null || m.getName() == null || m.getName().isEmpty()) {
            throw new TranslationException(describe(object), "metadata.name", "is missing");
        }
        return m;
    }

    static Labels labels(Map<String, String> labels, String object, String field)
            throws TranslationException {
        try {
            return Labels.of(labels);
        } catch (IllegalArgumentException e) {
            throw new TranslationException(object, field, e.getMessage(), e);
        }
    }

    static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Parses an RFC 3339 timestamp; null stays null. */
    static Instant time(String text, String object, String field) throws TranslationException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new TranslationException(
                    object, field, "\"" + text + "\" is not an RFC 3339 time", e);
        }
    }

    /** The owner reference with {@code controller: true}, or null. */
    static org.k8sca.core.model.OwnerReference controller(ObjectMeta m, String object)
            throws TranslationException {
        List<OwnerReference> refs = orEmpty(m.getOwnerReferences());
        for (int i = 0; i < refs.size(); i++) {
            OwnerReference r = refs.get(i);
            if (Boolean.TRUE.equals(r.getController())) {
                if (r.getKind() == null || r.getKind().isEmpty()) {
                    throw new TranslationException(
                            object, "metadata.ownerReferences[" + i + "].kind", "is empty");
                }
                return new org.k8sca.core.model.OwnerReference(
                        r.getKind(), r.getName(), r.getUid(), true);
            }
        }
        return null;
    }
}
