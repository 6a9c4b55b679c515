package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import org.k8sca.core.labels.Labels;

/** Translates a Namespace into its labels, which namespace selectors of affinity terms match. */
public final class NamespaceTranslator {

    private NamespaceTranslator() {}

    public static Labels labels(Namespace namespace) throws TranslationException {
        ObjectMeta m = Meta.metadata(namespace);
        return Meta.labels(m.getLabels(), Meta.describe(namespace), "metadata.labels");
    }
}
