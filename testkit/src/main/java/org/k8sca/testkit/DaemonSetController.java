package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.core.model.Node;
import org.k8sca.core.scheduling.NodeFilters;
import org.k8sca.kube.translate.DaemonSetTranslator;
import org.k8sca.kube.translate.NodeTranslator;
import org.k8sca.kube.translate.TranslationException;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays the DaemonSet controller for {@link DaemonSetWorkload}s: for every node where a DaemonSet
 * should run (its node selector matches, its pods tolerate the node's NoSchedule and NoExecute
 * taints, as the core's template builder decides too) and that has none of its pods, creates one,
 * pending, pinned to the node by {@code kubernetes.io/hostname}; a pod whose node is gone is
 * deleted. A node that gets an untolerated NoSchedule taint later (the autoscaler's deletion taint)
 * keeps its pod but gets no new one once it is evicted. Runs right after the kubelet, so the
 * scheduler sees a new node's DaemonSet pods in the same step; it binds them first, by their
 * priority.
 */
public final class DaemonSetController {
    /** The priority of the {@code system-node-critical} class. */
    static final int SYSTEM_NODE_CRITICAL = 2_000_001_000;

    private static final String HOSTNAME = "kubernetes.io/hostname";

    /** What the DaemonSet controller adds to every pod: it runs on cordoned and failing nodes. */
    private static final Toleration[] CONTROLLER_TOLERATIONS = {
        exists("node.kubernetes.io/unschedulable", "NoSchedule"),
        exists("node.kubernetes.io/not-ready", "NoExecute"),
        exists("node.kubernetes.io/unreachable", "NoExecute"),
    };

    private final KubernetesClient client;
    private final Map<String, DaemonSetWorkload> daemonSets = new LinkedHashMap<>();
    private final Map<String, DaemonSet> objects = new LinkedHashMap<>();

    public DaemonSetController(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the DaemonSet; its pods follow at the next reconcile. */
    public void apply(DaemonSetWorkload ds, Instant now) {
        String key = ds.namespace() + "/" + ds.name();
        if (daemonSets.containsKey(key)) {
            throw new IllegalArgumentException("DaemonSet " + key + " exists already");
        }
        DaemonSet created =
                client.apps()
                        .daemonSets()
                        .inNamespace(ds.namespace())
                        .resource(
                                new DaemonSetBuilder()
                                        .withNewMetadata()
                                        .withName(ds.name())
                                        .withNamespace(ds.namespace())
                                        .withCreationTimestamp(now.toString())
                                        .endMetadata()
                                        .withNewSpec()
                                        .withNewSelector()
                                        .withMatchLabels(ds.podLabels())
                                        .endSelector()
                                        .withNewTemplate()
                                        .withNewMetadata()
                                        .withLabels(ds.podLabels())
                                        .endMetadata()
                                        .withNewSpec()
                                        .withNodeSelector(ds.nodeSelector())
                                        .withTolerations(
                                                WorkloadController.tolerations(ds.tolerations()))
                                        .withPriority(SYSTEM_NODE_CRITICAL)
                                        .withPriorityClassName("system-node-critical")
                                        .addNewContainer()
                                        .withName("daemon")
                                        .withImage("daemon")
                                        .withNewResources()
                                        .addToRequests("cpu", new Quantity(ds.cpu()))
                                        .addToRequests("memory", new Quantity(ds.memory()))
                                        .endResources()
                                        .endContainer()
                                        .endSpec()
                                        .endTemplate()
                                        .endSpec()
                                        .build())
                        .create();
        daemonSets.put(key, ds);
        objects.put(key, created);
    }

    /** Creates the missing DaemonSet pods and deletes those whose node is gone. */
    public void reconcile(Instant now) {
        if (daemonSets.isEmpty()) {
            return;
        }
        Map<String, Node> nodes = new HashMap<>();
        for (io.fabric8.kubernetes.api.model.Node n : client.nodes().list().getItems()) {
            try {
                nodes.put(n.getMetadata().getName(), NodeTranslator.translate(n));
            } catch (TranslationException e) {
                throw new IllegalStateException(
                        "the harness wrote a node the translator rejects: " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, DaemonSetWorkload> e : daemonSets.entrySet()) {
            DaemonSetWorkload ds = e.getValue();
            DaemonSet object = objects.get(e.getKey());
            org.k8sca.core.model.Pod template = templatePod(object);
            String uid = object.getMetadata().getUid();
            Map<String, Pod> podOfNode = new HashMap<>();
            for (Pod p : client.pods().inNamespace(ds.namespace()).list().getItems()) {
                boolean owned =
                        p.getMetadata().getOwnerReferences().stream()
                                .anyMatch(o -> uid.equals(o.getUid()));
                if (owned) {
                    String node = p.getSpec().getNodeSelector().get(HOSTNAME);
                    if (!nodes.containsKey(node)) {
                        delete(p);
                    } else if (p.getMetadata().getDeletionTimestamp() == null) {
                        podOfNode.put(node, p);
                    }
                }
            }
            for (Node node : nodes.values()) {
                if (!podOfNode.containsKey(node.name()) && shouldRun(template, node)) {
                    createPod(ds, object, node.name(), now);
                }
            }
        }
    }

    /** The DaemonSet controller's test, the same the core's template builder applies. */
    static boolean shouldRun(org.k8sca.core.model.Pod daemonPod, Node node) {
        return NodeFilters.nodeUnschedulable(daemonPod, node) == null
                && NodeFilters.taintToleration(daemonPod, node) == null
                && NodeFilters.matchesNodeSelectorAndAffinity(daemonPod, node);
    }

    private static org.k8sca.core.model.Pod templatePod(DaemonSet object) {
        try {
            return DaemonSetTranslator.translate(object).template();
        } catch (TranslationException e) {
            throw new IllegalStateException(
                    "the harness wrote a DaemonSet the translator rejects: " + e.getMessage(), e);
        }
    }

    private void createPod(DaemonSetWorkload ds, DaemonSet object, String node, Instant now) {
        Map<String, String> selector = new LinkedHashMap<>(ds.nodeSelector());
        selector.put(HOSTNAME, node);
        client.pods()
                .inNamespace(ds.namespace())
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName(ds.name() + "-" + node)
                                .withNamespace(ds.namespace())
                                .withCreationTimestamp(now.toString())
                                .withLabels(ds.podLabels())
                                .addNewOwnerReference()
                                .withApiVersion("apps/v1")
                                .withKind("DaemonSet")
                                .withName(ds.name())
                                .withUid(object.getMetadata().getUid())
                                .withController(true)
                                .endOwnerReference()
                                .endMetadata()
                                .withSpec(object.getSpec().getTemplate().getSpec())
                                .editSpec()
                                .withNodeSelector(selector)
                                .addToTolerations(CONTROLLER_TOLERATIONS)
                                .endSpec()
                                .withNewStatus()
                                .withPhase("Pending")
                                .endStatus()
                                .build())
                .create();
    }

    private static Toleration exists(String key, String effect) {
        return new TolerationBuilder()
                .withKey(key)
                .withOperator("Exists")
                .withEffect(effect)
                .build();
    }

    private void delete(Pod p) {
        client.pods()
                .inNamespace(p.getMetadata().getNamespace())
                .withName(p.getMetadata().getName())
                .delete();
    }
}
