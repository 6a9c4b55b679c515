package org.k8sca.core.model;

import java.util.List;

/**
 * A pod toleration, matched against taints with kube-scheduler's rules.
 *
 * @param key the taint key; empty with {@code exists} means "every key"
 * @param exists operator Exists (any value) instead of Equal
 * @param value for Equal, the taint value that is tolerated
 * @param effect the effect tolerated; {@code null} means every effect
 */
public record Toleration(String key, boolean exists, String value, TaintEffect effect) {

    public Toleration {
        key = key == null ? "" : key;
        value = value == null ? "" : value;
        if (key.isEmpty() && !exists) {
            throw new IllegalArgumentException(
                    "toleration with an empty key must use operator Exists");
        }
        if (exists && !value.isEmpty()) {
            throw new IllegalArgumentException(
                    "toleration of \"" + key + "\" with operator Exists must not have a value");
        }
    }

    /** {@code key=value:effect} with operator Equal. */
    public static Toleration equal(String key, String value, TaintEffect effect) {
        return new Toleration(key, false, value, effect);
    }

    /** Operator Exists for {@code key} (every value). */
    public static Toleration exists(String key, TaintEffect effect) {
        return new Toleration(key, true, "", effect);
    }

    /** Operator Exists with an empty key and no effect: tolerates every taint. */
    public static Toleration everything() {
        return new Toleration("", true, "", null);
    }

    public boolean tolerates(Taint taint) {
        if (effect != null && effect != taint.effect()) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return exists || value.equals(taint.value());
    }

    /** Whether any of {@code tolerations} tolerates {@code taint}. */
    public static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
        for (int i = 0; i < tolerations.size(); i++) {
            if (tolerations.get(i).tolerates(taint)) {
                return true;
            }
        }
        return false;
    }
}
