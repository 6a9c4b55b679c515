package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.model.IntOrPercent;
import org.k8sca.core.model.PodDisruptionBudget;

/** Translates a policy/v1 PodDisruptionBudget. */
public final class DisruptionBudgetTranslator {

    private DisruptionBudgetTranslator() {}

    public static PodDisruptionBudget translate(
            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget pdb)
            throws TranslationException {
        String object = Meta.describe(pdb);
        ObjectMeta m = Meta.metadata(pdb);
        PodDisruptionBudgetSpec spec =
                pdb.getSpec() == null ? new PodDisruptionBudgetSpec() : pdb.getSpec();
        PodDisruptionBudgetStatus status = pdb.getStatus();
        // In policy/v1 an empty selector {} selects every pod of the namespace; an absent one none.
        LabelSelector selector =
                Selectors.labelSelector(
                        spec.getSelector(), LabelSelector.NOTHING, object, "spec.selector");
        int allowed =
                status == null || status.getDisruptionsAllowed() == null
                        ? 0
                        : status.getDisruptionsAllowed();
        return new PodDisruptionBudget(
                Meta.orEmpty(m.getNamespace()),
                m.getName(),
                selector,
                intOrPercent(spec.getMinAvailable(), object, "spec.minAvailable"),
                intOrPercent(spec.getMaxUnavailable(), object, "spec.maxUnavailable"),
                Math.max(0, allowed));
    }

    private static IntOrPercent intOrPercent(IntOrString value, String object, String field)
            throws TranslationException {
        if (value == null || (value.getIntVal() == null && value.getStrVal() == null)) {
            return null;
        }
        try {
            if (value.getIntVal() != null) {
                return new IntOrPercent(value.getIntVal(), false);
            }
            return IntOrPercent.parse(value.getStrVal());
        } catch (IllegalArgumentException e) {
            throw new TranslationException(object, field, e.getMessage(), e);
        }
    }
}
