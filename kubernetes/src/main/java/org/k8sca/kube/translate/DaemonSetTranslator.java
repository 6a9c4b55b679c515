package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates an apps/v1 DaemonSet into a core {@link DaemonSet} whose template pod is what the
 * DaemonSet controller would create: the template's spec, owned by the DaemonSet, plus the
 * tolerations the controller adds to every DaemonSet pod.
 */
public final class DaemonSetTranslator {

    /**
     * Tolerations the DaemonSet controller adds to every pod it creates (NoExecute ones without a
     * time limit).
     */
    static final List<Toleration> CONTROLLER_TOLERATIONS =
            List.of(
                    Toleration.exists("node.kubernetes.io/not-ready", TaintEffect.NO_EXECUTE),
                    Toleration.exists("node.kubernetes.io/unreachable", TaintEffect.NO_EXECUTE),
                    Toleration.exists("node.kubernetes.io/disk-pressure", TaintEffect.NO_SCHEDULE),
                    Toleration.exists(
                            "node.kubernetes.io/memory-pressure", TaintEffect.NO_SCHEDULE),
                    Toleration.exists("node.kubernetes.io/pid-pressure", TaintEffect.NO_SCHEDULE),
                    Toleration.exists("node.kubernetes.io/unschedulable", TaintEffect.NO_SCHEDULE));

    /** Added as well when the pod uses the host network. */
    static final Toleration NETWORK_UNAVAILABLE =
            Toleration.exists("node.kubernetes.io/network-unavailable", TaintEffect.NO_SCHEDULE);

    private DaemonSetTranslator() {}

    public static DaemonSet translate(io.fabric8.kubernetes.api.model.apps.DaemonSet ds)
            throws TranslationException {
        String object = Meta.describe(ds);
        ObjectMeta m = Meta.metadata(ds);
        String namespace = Meta.orEmpty(m.getNamespace());
        PodTemplateSpec template = ds.getSpec() == null ? null : ds.getSpec().getTemplate();
        if (template == null || template.getSpec() == null) {
            throw new TranslationException(object, "spec.template", "is missing");
        }
        ObjectMeta tm = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        Labels labels = Meta.labels(tm.getLabels(), object, "spec.template.metadata.labels");
        PodSpec spec = template.getSpec();
        Map<String, String> annotations = Meta.orEmpty(tm.getAnnotations());
        Pod.Builder builder =
                Pod.builder(namespace.isEmpty() ? "default" : namespace, m.getName())
                        .uid(m.getUid())
                        .labels(labels)
                        .annotations(annotations)
                        .owner(OwnerReference.controller("DaemonSet", m.getName(), m.getUid()));
        PodSpecTranslator.apply(
                builder,
                spec,
                labels,
                namespace,
                m.getName(),
                object + " (template)",
                VolumeLookup.ANYWHERE);
        builder.tolerations(withControllerTolerations(spec, object));
        try {
            return new DaemonSet(namespace, m.getName(), m.getUid(), builder.build());
        } catch (IllegalArgumentException e) {
            throw new TranslationException(object, "spec.template", e.getMessage(), e);
        }
    }

    private static List<Toleration> withControllerTolerations(PodSpec spec, String object)
            throws TranslationException {
        List<Toleration> all =
                new ArrayList<>(PodSpecTranslator.tolerations(spec.getTolerations(), object));
        for (Toleration t : CONTROLLER_TOLERATIONS) {
            if (!all.contains(t)) {
                all.add(t);
            }
        }
        if (Boolean.TRUE.equals(spec.getHostNetwork()) && !all.contains(NETWORK_UNAVAILABLE)) {
            all.add(NETWORK_UNAVAILABLE);
        }
        return all;
    }
}
