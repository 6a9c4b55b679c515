package org.k8sca.core.model;

import java.util.Objects;

/** A node taint. The value may be empty. */
public record Taint(String key, String value, TaintEffect effect) {

    /** The taint kube-scheduler checks when a node is {@code spec.unschedulable}. */
    public static final Taint UNSCHEDULABLE =
            new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NO_SCHEDULE);

    public Taint {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("taint key is empty");
        }
        key = key.intern();
        value = value == null ? "" : value.intern();
        Objects.requireNonNull(effect, "taint effect of " + key);
    }

    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect.kubernetesName();
    }
}
