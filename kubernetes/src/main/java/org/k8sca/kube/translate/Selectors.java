package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.labels.NodeSelectorTerm;
import org.k8sca.core.labels.Operator;
import org.k8sca.core.labels.Requirement;

import java.util.ArrayList;
import java.util.List;

/** Translates label selectors and node selectors, validating operators and values. */
final class Selectors {

    private Selectors() {}

    /**
     * A label selector. An absent selector ({@code null}) becomes {@code whenAbsent}: for PDBs,
     * affinity terms and spread constraints that is {@link LabelSelector#NOTHING}; for namespace
     * selectors the caller decides.
     */
    static LabelSelector labelSelector(
            io.fabric8.kubernetes.api.model.LabelSelector selector,
            LabelSelector whenAbsent,
            String object,
            String field)
            throws TranslationException {
        if (selector == null) {
            return whenAbsent;
        }
        List<LabelSelectorRequirement> expressions = Meta.orEmpty(selector.getMatchExpressions());
        List<Requirement> requirements = new ArrayList<>(expressions.size());
        for (int i = 0; i < expressions.size(); i++) {
            LabelSelectorRequirement r = expressions.get(i);
            requirements.add(
                    requirement(
                            r.getKey(),
                            r.getOperator(),
                            r.getValues(),
                            object,
                            field + ".matchExpressions[" + i + "]"));
        }
        try {
            return LabelSelector.of(selector.getMatchLabels(), requirements);
        } catch (IllegalArgumentException e) {
            throw new TranslationException(object, field, e.getMessage(), e);
        }
    }

    /** A required node selector (node affinity or a PV's node affinity); null stays null. */
    static NodeSelector nodeSelector(
            io.fabric8.kubernetes.api.model.NodeSelector selector, String object, String field)
            throws TranslationException {
        if (selector == null) {
            return null;
        }
        List<io.fabric8.kubernetes.api.model.NodeSelectorTerm> terms =
                Meta.orEmpty(selector.getNodeSelectorTerms());
        List<NodeSelectorTerm> out = new ArrayList<>(terms.size());
        for (int t = 0; t < terms.size(); t++) {
            String termField = field + ".nodeSelectorTerms[" + t + "]";
            io.fabric8.kubernetes.api.model.NodeSelectorTerm term = terms.get(t);
            List<Requirement> expressions =
                    nodeRequirements(
                            term.getMatchExpressions(), object, termField + ".matchExpressions");
            List<Requirement> fields =
                    nodeRequirements(term.getMatchFields(), object, termField + ".matchFields");
            try {
                out.add(new NodeSelectorTerm(expressions, fields));
            } catch (IllegalArgumentException e) {
                throw new TranslationException(object, termField, e.getMessage(), e);
            }
        }
        return new NodeSelector(out);
    }

    private static List<Requirement> nodeRequirements(
            List<NodeSelectorRequirement> list, String object, String field)
            throws TranslationException {
        List<NodeSelectorRequirement> in = Meta.orEmpty(list);
        List<Requirement> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            NodeSelectorRequirement r = in.get(i);
            out.add(
                    requirement(
                            r.getKey(),
                            r.getOperator(),
                            r.getValues(),
                            object,
                            field + "[" + i + "]"));
        }
        return out;
    }

    static Requirement requirement(
            String key, String operator, List<String> values, String object, String field)
            throws TranslationException {
        try {
            return Requirement.of(key, Operator.parse(operator), values);
        } catch (IllegalArgumentException e) {
            throw new TranslationException(object, field, e.getMessage(), e);
        }
    }
}
