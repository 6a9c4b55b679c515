package org.k8sca.core.template;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pure functions that turn a node into a template and a template into named copies. */
public final class NodeTemplates {

    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    /** Label on every template node, so that CSI drivers and others can recognise simulations. */
    public static final String TEMPLATE_LABEL = "cluster-autoscaler.kubernetes.io/template-node";

    /** Annotation on copies that stand for nodes being created or booting. */
    public static final String UPCOMING_ANNOTATION = "cluster-autoscaler.k8s.io/upcoming-node";

    private NodeTemplates() {}

    /** The name of a template of {@code nodeGroupId}: {@code template-node-for-<id>}. */
    public static String templateName(String nodeGroupId) {
        return "template-node-for-" + nodeGroupId;
    }

    /**
     * A template from a real (or provider-described) node: renamed, hostname label reset, template
     * label added, temporary taints removed, not cordoned, no provider ID. Of {@code pods} only
     * DaemonSet and mirror pods that are not terminating are kept: other pods will not follow the
     * node's shape onto a new node.
     */
    public static NodeTemplate sanitize(Node node, List<Pod> pods, String nodeGroupId) {
        String name = templateName(nodeGroupId);
        List<Taint> taints = new ArrayList<>();
        for (Taint t : node.taints()) {
            if (TemplateTaints.kept(t)) {
                taints.add(t);
            }
        }
        Node template =
                node.toBuilder()
                        .name(name)
                        .providerId("")
                        .labels(
                                node.labels()
                                        .with(HOSTNAME_LABEL, name)
                                        .with(TEMPLATE_LABEL, "true"))
                        .taints(taints)
                        .unschedulable(false)
                        .ready(true)
                        .annotations(Map.of())
                        .build();
        List<Pod> kept = new ArrayList<>();
        for (Pod p : pods) {
            if (!p.terminating() && (p.isDaemonSetPod() || p.isMirror())) {
                kept.add(rebind(p, name, p.name(), p.uid()));
            }
        }
        return new NodeTemplate(template, kept);
    }

    /**
     * A copy of {@code template} named {@code newName}, with its pods renamed and given UIDs of
     * their own, so that many copies can sit in one snapshot.
     */
    public static NodeTemplate copy(NodeTemplate template, String newName, boolean upcoming) {
        Node base = template.node();
        Node.Builder b =
                base.toBuilder().name(newName).labels(base.labels().with(HOSTNAME_LABEL, newName));
        if (upcoming) {
            b.annotations(Map.of(UPCOMING_ANNOTATION, "true"));
        }
        Node node = b.build();
        List<Pod> pods = new ArrayList<>(template.pods().size());
        for (Pod p : template.pods()) {
            pods.add(rebind(p, newName, p.name(), p.uid()));
        }
        return new NodeTemplate(node, pods);
    }

    private static Pod rebind(Pod p, String nodeName, String baseName, String baseUid) {
        return p.withIdentity(baseName + "-" + nodeName, baseUid + "@" + nodeName)
                .withNodeName(nodeName);
    }
}
