package org.k8sca.testkit;

import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.model.Taint;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.Workload;

import java.util.TreeSet;

/**
 * What of a {@link ClusterObjects} the virtual controllers change, as one comparable string: two
 * views with equal fingerprints agree on nodes (readiness, cordon, taints), pod placement and
 * state, PDB allowances, and which DaemonSets and workload controllers exist (with their replicas).
 */
final class Fingerprint {
    private Fingerprint() {}

    static String of(ClusterObjects objects) {
        TreeSet<String> lines = new TreeSet<>();
        for (Node n : objects.nodes()) {
            TreeSet<String> taints = new TreeSet<>();
            for (Taint t : n.taints()) {
                taints.add(t.key());
            }
            lines.add(
                    "node "
                            + n.name()
                            + " ready="
                            + n.ready()
                            + " unschedulable="
                            + n.unschedulable()
                            + " taints="
                            + taints);
        }
        for (ObservedPod p : objects.pods()) {
            lines.add("pod " + p.key() + " node=" + p.pod().nodeName() + " state=" + p.state());
        }
        for (PodDisruptionBudget b : objects.disruptionBudgets()) {
            lines.add(
                    "pdb " + b.namespace() + "/" + b.name() + " allowed=" + b.disruptionsAllowed());
        }
        for (DaemonSet d : objects.daemonSets()) {
            lines.add("ds " + d.namespace() + "/" + d.name());
        }
        for (Workload w : objects.workloadsByUid().values()) {
            lines.add("workload " + w.describe() + " replicas=" + w.desiredReplicas());
        }
        return String.join("\n", lines);
    }
}
