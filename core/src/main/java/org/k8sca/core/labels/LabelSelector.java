package org.k8sca.core.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes label selector ({@code matchLabels} + {@code matchExpressions}), all requirements
 * ANDed. Two special selectors: {@link #EVERYTHING} (the empty selector {@code {}}, which matches
 * every label set) and {@link #NOTHING} (an absent selector, which matches nothing, as in pod
 * affinity terms and topology spread constraints).
 */
public final class LabelSelector {

    private static final Interner<LabelSelector> INTERNER = new Interner<>();

    public static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    public static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final Requirement[] requirements;
    private final boolean matchesNothing;

    private LabelSelector(List<Requirement> requirements, boolean matchesNothing) {
        this.requirements = requirements.toArray(new Requirement[0]);
        this.matchesNothing = matchesNothing;
    }

    /**
     * @param matchLabels exact key/value pairs (may be null)
     * @param matchExpressions set-based requirements (may be null); Gt/Lt are rejected
     */
    public static LabelSelector of(
            Map<String, String> matchLabels, List<Requirement> matchExpressions) {
        List<Requirement> all = new ArrayList<>();
        if (matchLabels != null) {
            for (Map.Entry<String, String> e : new TreeMap<>(matchLabels).entrySet()) {
                all.add(Requirement.in(e.getKey(), e.getValue()));
            }
        }
        if (matchExpressions != null) {
            for (Requirement r : matchExpressions) {
                if (r.operator() == Operator.GT || r.operator() == Operator.LT) {
                    throw new IllegalArgumentException(
                            "label selector requirement on \""
                                    + r.key()
                                    + "\": operator "
                                    + r.operator().kubernetesName()
                                    + " is only allowed in node selectors");
                }
                all.add(r);
            }
        }
        if (all.isEmpty()) {
            return EVERYTHING;
        }
        return INTERNER.intern(new LabelSelector(all, false));
    }

    public static LabelSelector matchLabels(Map<String, String> matchLabels) {
        return of(matchLabels, null);
    }

    /** Convenience: {@code LabelSelector.matchLabels("app", "web")}. */
    public static LabelSelector matchLabels(String... keyValues) {
        return of(Labels.of(keyValues).asMap(), null);
    }

    /** Selector plus one more requirement (used for topology spread {@code matchLabelKeys}). */
    public LabelSelector and(Requirement extra) {
        if (matchesNothing) {
            return this;
        }
        List<Requirement> all = new ArrayList<>(List.of(requirements));
        all.add(extra);
        return INTERNER.intern(new LabelSelector(all, false));
    }

    public boolean matches(Labels labels) {
        if (matchesNothing) {
            return false;
        }
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public List<Requirement> requirements() {
        return List.of(requirements);
    }

    public boolean isEverything() {
        return !matchesNothing && requirements.length == 0;
    }

    public boolean isNothing() {
        return matchesNothing;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector s
                && matchesNothing == s.matchesNothing
                && java.util.Arrays.equals(requirements, s.requirements);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(requirements) + (matchesNothing ? 1 : 0);
    }

    @Override
    public String toString() {
        if (matchesNothing) {
            return "<nothing>";
        }
        return requirements.length == 0 ? "<everything>" : List.of(requirements).toString();
    }
}
