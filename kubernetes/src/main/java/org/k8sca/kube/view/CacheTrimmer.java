package org.k8sca.kube.view;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops, from an object about to be cached by an informer, the fields no translator reads: managed
 * fields everywhere; in pods and pod templates the container details besides name, ports, resources
 * and restart policy (environment, probes, mounts, image, command, security context), the sources
 * of volumes other than emptyDir, hostPath, PVC and ephemeral ones (the service-account token
 * volume every pod has), and the pod's status besides phase, reason, nominated node and the {@code
 * PodScheduled} condition; in nodes the image list, node info, addresses and daemon endpoints.
 *
 * <p>Translating a trimmed object gives the same records as translating it whole ({@code
 * CacheTrimmerTest} checks this); what the {@code /snapshot} endpoint prints is trimmed too. The
 * objects are the informer's own, trimmed in place before the translators see them. Measured in
 * docs/benchmarks.md ("Heap of a whole deployment"): a realistic pod drops from about 14 to 5 KiB
 * of heap.
 */
public final class CacheTrimmer {

    private CacheTrimmer() {}

    /** Trims {@code object} in place; objects of other kinds only lose their managed fields. */
    public static void trim(HasMetadata object) {
        if (object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        if (object instanceof Pod p) {
            trim(p.getSpec());
            trim(p.getStatus());
            PodCompactor.compact(p);
        } else if (object instanceof Node n) {
            trim(n.getStatus());
            PodCompactor.compact(n.getMetadata());
        } else if (object instanceof DaemonSet d && d.getSpec() != null) {
            trim(d.getSpec().getTemplate());
        } else if (object instanceof ReplicaSet r && r.getSpec() != null) {
            trim(r.getSpec().getTemplate());
        } else if (object instanceof StatefulSet s && s.getSpec() != null) {
            trim(s.getSpec().getTemplate());
        } else if (object instanceof ReplicationController r && r.getSpec() != null) {
            trim(r.getSpec().getTemplate());
        } else if (object instanceof Job j && j.getSpec() != null) {
            trim(j.getSpec().getTemplate());
        }
    }

    private static void trim(PodTemplateSpec template) {
        if (template != null) {
            if (template.getMetadata() != null) {
                template.getMetadata().setManagedFields(null);
            }
            trim(template.getSpec());
        }
    }

    private static void trim(PodSpec spec) {
        if (spec == null) {
            return;
        }
        trimContainers(spec.getContainers());
        trimContainers(spec.getInitContainers());
        spec.setEphemeralContainers(null);
        spec.setSecurityContext(null);
        spec.setDnsConfig(null);
        spec.setImagePullSecrets(null);
        spec.setReadinessGates(null);
        spec.setHostAliases(null);
        List<Volume> volumes = spec.getVolumes();
        if (volumes != null) {
            List<Volume> kept = new ArrayList<>(volumes.size());
            for (Volume v : volumes) {
                boolean read =
                        v.getEmptyDir() != null
                                || v.getHostPath() != null
                                || v.getPersistentVolumeClaim() != null
                                || v.getEphemeral() != null;
                if (read) {
                    kept.add(v);
                } else {
                    // The translator sees any other volume only as "some other volume" by name.
                    Volume named = new Volume();
                    named.setName(v.getName());
                    kept.add(named);
                }
            }
            spec.setVolumes(kept);
        }
    }

    private static void trimContainers(List<Container> containers) {
        if (containers == null) {
            return;
        }
        for (Container c : containers) {
            c.setEnv(null);
            c.setEnvFrom(null);
            c.setLivenessProbe(null);
            c.setReadinessProbe(null);
            c.setStartupProbe(null);
            c.setLifecycle(null);
            c.setVolumeMounts(null);
            c.setVolumeDevices(null);
            c.setCommand(null);
            c.setArgs(null);
            c.setSecurityContext(null);
            c.setImage(null);
            c.setImagePullPolicy(null);
            c.setTerminationMessagePath(null);
            c.setTerminationMessagePolicy(null);
            c.setWorkingDir(null);
            c.setResizePolicy(null);
        }
    }

    private static void trim(PodStatus status) {
        if (status == null) {
            return;
        }
        status.setContainerStatuses(null);
        status.setInitContainerStatuses(null);
        status.setEphemeralContainerStatuses(null);
        status.setPodIP(null);
        status.setPodIPs(null);
        status.setHostIP(null);
        status.setHostIPs(null);
        status.setStartTime(null);
        status.setQosClass(null);
        status.setResourceClaimStatuses(null);
        List<PodCondition> conditions = status.getConditions();
        if (conditions != null) {
            List<PodCondition> kept = new ArrayList<>(1);
            for (PodCondition c : conditions) {
                if ("PodScheduled".equals(c.getType())) {
                    kept.add(c);
                }
            }
            status.setConditions(kept);
        }
    }

    private static void trim(NodeStatus status) {
        if (status == null) {
            return;
        }
        status.setImages(null);
        status.setNodeInfo(null);
        status.setAddresses(null);
        status.setDaemonEndpoints(null);
        status.setVolumesAttached(null);
        status.setVolumesInUse(null);
        status.setConfig(null);
    }
}
