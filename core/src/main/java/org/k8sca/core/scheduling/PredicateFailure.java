package org.k8sca.core.scheduling;

import java.util.List;

/**
 * Why a pod does not fit a node: the scheduler plugin that said no and its reasons, e.g. plugin
 * {@code NodeResourcesFit} with reasons {@code [Insufficient cpu, Insufficient memory]}.
 */
public record PredicateFailure(String plugin, List<String> reasons) {

    public PredicateFailure {
        if (plugin == null || plugin.isEmpty()) {
            throw new IllegalArgumentException("predicate failure without a plugin name");
        }
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException(
                    "predicate failure of " + plugin + " without a reason");
        }
    }

    static PredicateFailure of(String plugin, String reason) {
        return new PredicateFailure(plugin, List.of(reason));
    }

    /**
     * E.g. {@code predicate "NodeAffinity" didn't pass (node(s) didn't match Pod's node
     * affinity/selector)}.
     */
    public String message() {
        return "predicate \"" + plugin + "\" didn't pass (" + String.join(", ", reasons) + ")";
    }

    @Override
    public String toString() {
        return message();
    }
}
