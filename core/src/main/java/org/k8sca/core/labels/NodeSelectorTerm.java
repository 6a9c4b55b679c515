package org.k8sca.core.labels;

import java.util.List;

/**
 * One term of a required node affinity: all label expressions and all field expressions must hold.
 * A term with no expressions at all matches no node (as in Kubernetes).
 *
 * @param matchExpressions requirements on node labels (all six operators)
 * @param matchFields requirements on node fields; only {@value #NODE_NAME_FIELD} with In or NotIn
 */
public record NodeSelectorTerm(List<Requirement> matchExpressions, List<Requirement> matchFields) {

    public static final String NODE_NAME_FIELD = "metadata.name";

    public NodeSelectorTerm {
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
        matchFields = matchFields == null ? List.of() : List.copyOf(matchFields);
        for (Requirement f : matchFields) {
            if (!NODE_NAME_FIELD.equals(f.key())) {
                throw new IllegalArgumentException(
                        "node selector matchFields key \""
                                + f.key()
                                + "\" is not supported (only "
                                + NODE_NAME_FIELD
                                + ")");
            }
            if (f.operator() != Operator.IN && f.operator() != Operator.NOT_IN) {
                throw new IllegalArgumentException(
                        "node selector matchFields on "
                                + NODE_NAME_FIELD
                                + ": operator "
                                + f.operator().kubernetesName()
                                + " is not allowed (only In, NotIn)");
            }
        }
    }

    public static NodeSelectorTerm of(Requirement... matchExpressions) {
        return new NodeSelectorTerm(List.of(matchExpressions), List.of());
    }

    public boolean matches(Labels nodeLabels, String nodeName) {
        if (matchExpressions.isEmpty() && matchFields.isEmpty()) {
            return false;
        }
        for (int i = 0; i < matchExpressions.size(); i++) {
            if (!matchExpressions.get(i).matches(nodeLabels)) {
                return false;
            }
        }
        for (int i = 0; i < matchFields.size(); i++) {
            if (!matchFields.get(i).matchesValue(nodeName)) {
                return false;
            }
        }
        return true;
    }
}
