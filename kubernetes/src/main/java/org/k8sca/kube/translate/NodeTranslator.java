package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;

/** Translates a Kubernetes Node into a core {@link Node}. */
public final class NodeTranslator {

    private NodeTranslator() {}

    public static Node translate(io.fabric8.kubernetes.api.model.Node node)
            throws TranslationException {
        String object = Meta.describe(node);
        ObjectMeta m = Meta.metadata(node);
        NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
        NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();

        Resources allocatable =
                Quantities.resources(status.getAllocatable(), object, "status.allocatable");
        Resources capacity = Quantities.resources(status.getCapacity(), object, "status.capacity");
        // The kubelet reports both; a node object made by hand may carry only capacity, which then
        // is
        // all there is to allocate.
        if (status.getAllocatable() == null || status.getAllocatable().isEmpty()) {
            allocatable = capacity;
        }

        NodeCondition ready = readyCondition(status);
        return Node.builder(m.getName())
                .providerId(spec.getProviderID())
                .labels(Meta.labels(m.getLabels(), object, "metadata.labels"))
                .annotations(Meta.orEmpty(m.getAnnotations()))
                .taints(taints(spec.getTaints(), object))
                .allocatable(allocatable)
                .capacity(capacity)
                .unschedulable(Boolean.TRUE.equals(spec.getUnschedulable()))
                .ready(ready != null && "True".equals(ready.getStatus()))
                .lastReadyTransition(
                        ready == null
                                ? null
                                : Meta.time(
                                        ready.getLastTransitionTime(),
                                        object,
                                        "status.conditions[Ready].lastTransitionTime"))
                .creationTime(
                        Meta.time(m.getCreationTimestamp(), object, "metadata.creationTimestamp"))
                .build();
    }

    private static NodeCondition readyCondition(NodeStatus status) {
        for (NodeCondition c : Meta.orEmpty(status.getConditions())) {
            if ("Ready".equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** Node taints; also used for template nodes' taints given as fabric8 objects. */
    static List<Taint> taints(List<io.fabric8.kubernetes.api.model.Taint> taints, String object)
            throws TranslationException {
        List<io.fabric8.kubernetes.api.model.Taint> in = Meta.orEmpty(taints);
        List<Taint> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            io.fabric8.kubernetes.api.model.Taint t = in.get(i);
            try {
                out.add(new Taint(t.getKey(), t.getValue(), TaintEffect.parse(t.getEffect())));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new TranslationException(
                        object, "spec.taints[" + i + "]", String.valueOf(e.getMessage()), e);
            }
        }
        return out;
    }
}
