package org.k8sca.kube.translate;

/**
 * A Kubernetes object that cannot be translated, e.g. a quantity that does not parse. The message
 * names the object ({@code Pod default/web-1}) and the field ({@code
 * spec.containers[0].resources.requests}); callers log it and skip the object.
 */
public final class TranslationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String object;
    private final String field;

    public TranslationException(String object, String field, String problem, Throwable cause) {
        super(object + ": " + field + ": " + problem, cause);
        this.object = object;
        this.field = field;
    }

    public TranslationException(String object, String field, String problem) {
        this(object, field, problem, null);
    }

    /** The object, e.g. {@code Pod default/web-1}. */
    public String object() {
        return object;
    }

    /** The field path, e.g. {@code spec.containers[0].resources.requests}. */
    public String field() {
        return field;
    }
}
