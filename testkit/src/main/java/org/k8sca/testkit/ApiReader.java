package org.k8sca.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.Workload;
import org.k8sca.kube.translate.DaemonSetTranslator;
import org.k8sca.kube.translate.DisruptionBudgetTranslator;
import org.k8sca.kube.translate.NodeTranslator;
import org.k8sca.kube.translate.PodTranslator;
import org.k8sca.kube.translate.TranslationException;
import org.k8sca.kube.translate.WorkloadTranslator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the cluster's objects straight from the API server and translates them with the kubernetes
 * module's translators. Unlike the autoscaler's informer view it is synchronous: the virtual
 * controllers always act on what the API server holds now.
 */
public final class ApiReader {
    private final KubernetesClient client;

    public ApiReader(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Nodes, pods, PDBs, DaemonSets and the workloads (ReplicaSets, StatefulSets, Jobs) as one
     * {@link ClusterObjects} (no namespaces).
     */
    public ClusterObjects read() {
        try {
            List<Node> nodes = new ArrayList<>();
            for (io.fabric8.kubernetes.api.model.Node n : client.nodes().list().getItems()) {
                nodes.add(NodeTranslator.translate(n));
            }
            nodes.sort(Comparator.comparing(Node::name));
            List<ObservedPod> pods = new ArrayList<>();
            for (io.fabric8.kubernetes.api.model.Pod p :
                    client.pods().inAnyNamespace().list().getItems()) {
                pods.add(PodTranslator.translate(p));
            }
            pods.sort(Comparator.comparing(ObservedPod::key));
            List<PodDisruptionBudget> budgets = new ArrayList<>();
            for (var b :
                    client.policy().v1().podDisruptionBudget().inAnyNamespace().list().getItems()) {
                budgets.add(DisruptionBudgetTranslator.translate(b));
            }
            List<DaemonSet> daemonSets = new ArrayList<>();
            for (var d : client.apps().daemonSets().inAnyNamespace().list().getItems()) {
                daemonSets.add(DaemonSetTranslator.translate(d));
            }
            Map<String, Workload> workloads = new HashMap<>();
            for (var rs : client.apps().replicaSets().inAnyNamespace().list().getItems()) {
                add(workloads, WorkloadTranslator.replicaSet(rs));
            }
            for (var ss : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
                add(workloads, WorkloadTranslator.statefulSet(ss));
            }
            for (var job : client.batch().v1().jobs().inAnyNamespace().list().getItems()) {
                add(workloads, WorkloadTranslator.job(job));
            }
            return new ClusterObjects(
                    0, nodes, pods, budgets, daemonSets, workloads, Map.of(), Map.of());
        } catch (TranslationException e) {
            throw new IllegalStateException(
                    "the harness wrote an object the translators reject: " + e.getMessage(), e);
        }
    }

    private static void add(Map<String, Workload> byUid, Workload w) {
        byUid.put(w.uid(), w);
    }
}
