package org.k8sca.kube.view;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a cached pod (already trimmed) smaller without changing what it says: the strings that
 * repeat across pods (label and annotation keys and values, namespaces, owner references, node
 * names, tolerations, ports, quantities, condition types and reasons, timestamps) are interned, so
 * 150 000 pods share one copy of each; and the empty "additional properties" map fabric8's parser
 * gives every nested object is replaced by one shared empty map.
 *
 * <p>The shared map is immutable: nothing may add unknown properties to a cached object (nothing
 * does; the cache's objects are read-only, see {@link ClusterView#sourceObjects()}).
 */
final class PodCompactor {

    private static final Map<String, Object> NO_EXTRAS = Map.of();

    private PodCompactor() {}

    static void compact(Pod pod) {
        pod.setAdditionalProperties(extras(pod.getAdditionalProperties()));
        pod.setApiVersion(s(pod.getApiVersion()));
        pod.setKind(s(pod.getKind()));
        compact(pod.getMetadata());
        compact(pod.getSpec());
        compact(pod.getStatus());
    }

    static void compact(ObjectMeta m) {
        if (m == null) {
            return;
        }
        m.setAdditionalProperties(extras(m.getAdditionalProperties()));
        m.setNamespace(s(m.getNamespace()));
        m.setGenerateName(s(m.getGenerateName()));
        m.setCreationTimestamp(s(m.getCreationTimestamp()));
        m.setLabels(strings(m.getLabels()));
        m.setAnnotations(strings(m.getAnnotations()));
        for (OwnerReference o : nonNull(m.getOwnerReferences())) {
            o.setAdditionalProperties(extras(o.getAdditionalProperties()));
            o.setApiVersion(s(o.getApiVersion()));
            o.setKind(s(o.getKind()));
            o.setName(s(o.getName()));
            o.setUid(s(o.getUid()));
        }
    }

    private static void compact(PodSpec spec) {
        if (spec == null) {
            return;
        }
        spec.setAdditionalProperties(extras(spec.getAdditionalProperties()));
        spec.setNodeName(s(spec.getNodeName()));
        spec.setSchedulerName(s(spec.getSchedulerName()));
        spec.setServiceAccount(s(spec.getServiceAccount()));
        spec.setServiceAccountName(s(spec.getServiceAccountName()));
        spec.setRestartPolicy(s(spec.getRestartPolicy()));
        spec.setDnsPolicy(s(spec.getDnsPolicy()));
        spec.setPreemptionPolicy(s(spec.getPreemptionPolicy()));
        spec.setPriorityClassName(s(spec.getPriorityClassName()));
        spec.setNodeSelector(strings(spec.getNodeSelector()));
        for (Container c : nonNull(spec.getContainers())) {
            compact(c);
        }
        for (Container c : nonNull(spec.getInitContainers())) {
            compact(c);
        }
        for (Toleration t : nonNull(spec.getTolerations())) {
            t.setAdditionalProperties(extras(t.getAdditionalProperties()));
            t.setKey(s(t.getKey()));
            t.setOperator(s(t.getOperator()));
            t.setValue(s(t.getValue()));
            t.setEffect(s(t.getEffect()));
        }
        for (Volume v : nonNull(spec.getVolumes())) {
            v.setAdditionalProperties(extras(v.getAdditionalProperties()));
        }
    }

    private static void compact(Container c) {
        c.setAdditionalProperties(extras(c.getAdditionalProperties()));
        c.setName(s(c.getName()));
        c.setRestartPolicy(s(c.getRestartPolicy()));
        for (ContainerPort p : nonNull(c.getPorts())) {
            p.setAdditionalProperties(extras(p.getAdditionalProperties()));
            p.setName(s(p.getName()));
            p.setProtocol(s(p.getProtocol()));
            p.setHostIP(s(p.getHostIP()));
        }
        ResourceRequirements r = c.getResources();
        if (r != null) {
            r.setAdditionalProperties(extras(r.getAdditionalProperties()));
            quantities(r.getRequests());
            quantities(r.getLimits());
        }
    }

    private static void compact(PodStatus status) {
        if (status == null) {
            return;
        }
        status.setAdditionalProperties(extras(status.getAdditionalProperties()));
        status.setPhase(s(status.getPhase()));
        status.setReason(s(status.getReason()));
        for (PodCondition c : nonNull(status.getConditions())) {
            c.setAdditionalProperties(extras(c.getAdditionalProperties()));
            c.setType(s(c.getType()));
            c.setStatus(s(c.getStatus()));
            c.setReason(s(c.getReason()));
            c.setMessage(s(c.getMessage()));
            c.setLastTransitionTime(s(c.getLastTransitionTime()));
            c.setLastProbeTime(s(c.getLastProbeTime()));
        }
    }

    private static void quantities(Map<String, Quantity> quantities) {
        if (quantities == null) {
            return;
        }
        for (Quantity q : quantities.values()) {
            if (q != null) {
                q.setAdditionalProperties(extras(q.getAdditionalProperties()));
                q.setAmount(s(q.getAmount()));
                q.setFormat(s(q.getFormat()));
            }
        }
    }

    private static Map<String, Object> extras(Map<String, Object> extras) {
        return extras == null || extras.isEmpty() ? NO_EXTRAS : extras;
    }

    private static Map<String, String> strings(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return map;
        }
        Map<String, String> out = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
        map.forEach((k, v) -> out.put(s(k), s(v)));
        return out;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String s(String value) {
        return value == null ? null : value.intern();
    }
}
