package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.kube.objects.PersistentVolumeInfo;
import org.k8sca.kube.objects.VolumeClaim;

import java.util.Map;
import java.util.TreeMap;

/** Translates PersistentVolumeClaims, PersistentVolumes and StorageClasses. */
public final class VolumeTranslator {

    /**
     * Labels of a volume the VolumeZone filter compares with the node's (current and legacy names).
     */
    private static final String[] TOPOLOGY_LABELS = {
        "topology.kubernetes.io/zone",
        "topology.kubernetes.io/region",
        "failure-domain.beta.kubernetes.io/zone",
        "failure-domain.beta.kubernetes.io/region",
    };

    private VolumeTranslator() {}

    public static VolumeClaim claim(PersistentVolumeClaim pvc) throws TranslationException {
        ObjectMeta m = Meta.metadata(pvc);
        String volumeName = pvc.getSpec() == null ? null : pvc.getSpec().getVolumeName();
        String storageClass = pvc.getSpec() == null ? null : pvc.getSpec().getStorageClassName();
        return new VolumeClaim(
                Meta.orEmpty(m.getNamespace()), m.getName(), volumeName, storageClass);
    }

    public static PersistentVolumeInfo volume(PersistentVolume pv) throws TranslationException {
        String object = Meta.describe(pv);
        ObjectMeta m = Meta.metadata(pv);
        PersistentVolumeSpec spec =
                pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec();
        NodeSelector affinity =
                spec.getNodeAffinity() == null
                        ? null
                        : Selectors.nodeSelector(
                                spec.getNodeAffinity().getRequired(),
                                object,
                                "spec.nodeAffinity.required");
        Map<String, String> topology = new TreeMap<>();
        Map<String, String> labels = Meta.orEmpty(m.getLabels());
        for (String key : TOPOLOGY_LABELS) {
            if (labels.containsKey(key)) {
                topology.put(key, labels.get(key));
            }
        }
        ObjectReference ref = spec.getClaimRef();
        String claimKey =
                ref == null || ref.getName() == null
                        ? ""
                        : Meta.orEmpty(ref.getNamespace()) + "/" + ref.getName();
        return new PersistentVolumeInfo(m.getName(), affinity, Labels.of(topology), claimKey);
    }

    /** Whether claims of this class wait for their first pod before being provisioned. */
    public static boolean waitsForFirstConsumer(StorageClass sc) {
        return "WaitForFirstConsumer".equals(sc.getVolumeBindingMode());
    }
}
