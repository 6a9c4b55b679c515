package org.k8sca.core.model;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;

import java.util.Objects;
import java.util.Set;

/**
 * A required pod affinity or anti-affinity term: pods matching {@code selector} in the selected
 * namespaces, counted per topology domain ({@code topologyKey} value of their node).
 *
 * <p>A pod's terms are normalized when the pod is built: when neither namespaces nor a namespace
 * selector is given, {@code namespaces} is the pod's own namespace, as kube-scheduler does.
 *
 * @param selector which pods the term is about ({@link LabelSelector#NOTHING} when absent)
 * @param topologyKey the node label that defines a domain, e.g. {@code kubernetes.io/hostname}
 * @param namespaces namespaces listed explicitly
 * @param namespaceSelector namespaces chosen by their labels; {@code null} when absent, and {@link
 *     LabelSelector#EVERYTHING} for {@code {}} (all namespaces)
 */
public record PodAffinityTerm(
        LabelSelector selector,
        String topologyKey,
        Set<String> namespaces,
        LabelSelector namespaceSelector) {

    public PodAffinityTerm {
        Objects.requireNonNull(selector, "pod affinity term selector");
        if (topologyKey == null || topologyKey.isEmpty()) {
            throw new IllegalArgumentException("pod affinity term has an empty topologyKey");
        }
        topologyKey = topologyKey.intern();
        namespaces = namespaces == null ? Set.of() : Set.copyOf(namespaces);
    }

    public static PodAffinityTerm of(LabelSelector selector, String topologyKey) {
        return new PodAffinityTerm(selector, topologyKey, Set.of(), null);
    }

    /** The term with its namespaces defaulted to {@code ownNamespace} when none are given. */
    public PodAffinityTerm normalizedFor(String ownNamespace) {
        if (namespaces.isEmpty() && namespaceSelector == null) {
            return new PodAffinityTerm(selector, topologyKey, Set.of(ownNamespace), null);
        }
        return this;
    }

    /**
     * Whether {@code pod} is one of the pods this term is about.
     *
     * @param namespaceLabels labels of the pod's namespace (for the namespace selector)
     */
    public boolean matches(Pod pod, Labels namespaceLabels) {
        return matchesNamespace(pod.namespace(), namespaceLabels) && selector.matches(pod.labels());
    }

    public boolean matchesNamespace(String namespace, Labels namespaceLabels) {
        if (namespaces.contains(namespace)) {
            return true;
        }
        return namespaceSelector != null && namespaceSelector.matches(namespaceLabels);
    }
}
