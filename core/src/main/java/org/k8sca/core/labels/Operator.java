package org.k8sca.core.labels;

/**
 * Operators of selector requirements. {@code GT} and {@code LT} are only valid in node selectors
 * (node affinity); label selectors of pods allow the first four.
 */
public enum Operator {
    IN("In"),
    NOT_IN("NotIn"),
    EXISTS("Exists"),
    DOES_NOT_EXIST("DoesNotExist"),
    GT("Gt"),
    LT("Lt");

    private final String kubernetesName;

    Operator(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    /** The spelling used in Kubernetes objects, e.g. {@code NotIn}. */
    public String kubernetesName() {
        return kubernetesName;
    }

    /** Parses the Kubernetes spelling, e.g. {@code "DoesNotExist"}. */
    public static Operator parse(String name) {
        for (Operator op : values()) {
            if (op.kubernetesName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "unknown selector operator \""
                        + name
                        + "\" (allowed: In, NotIn, Exists, DoesNotExist, Gt, Lt)");
    }
}
