package org.k8sca.core.scaleup;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.GroupTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one planning pass looks at.
 *
 * @param snapshot the registered nodes with their bound (and nominated) pods, without expendable
 *     pods and without registered nodes that are still counted in {@code upcomingNodes} (they are
 *     simulated as template copies instead); planning forks it and reverts, so it is unchanged
 *     afterwards
 * @param unscheduledPods pods the scheduler could not place ({@code PodScheduled=False}, reason
 *     Unschedulable, decided at the edge), including ones that are gated, expendable, nominated or
 *     too young: planning sorts them out and says so
 * @param provider the cloud provider, already refreshed this loop
 * @param templates each group's template, from {@link org.k8sca.core.template.TemplateNodeBuilder}
 * @param upcomingNodes per group id, nodes that were asked for and are not Ready yet; that many
 *     template copies join the snapshot before pending pods are fitted, so booting nodes never
 *     cause a second scale-up (groups in backoff or without an active scale-up request should have
 *     none, as upstream)
 * @param backedOffGroups per group id, why it must not be scaled up now (backoff after a failed
 *     scale-up, or an unhealthy group)
 */
public record ScaleUpInput(
        ClusterSnapshot snapshot,
        List<Pod> unscheduledPods,
        CloudProvider provider,
        Map<String, GroupTemplate> templates,
        Map<String, Integer> upcomingNodes,
        Map<String, String> backedOffGroups) {

    public ScaleUpInput {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(provider, "provider");
        unscheduledPods = List.copyOf(unscheduledPods);
        Map<String, String> seen = new java.util.HashMap<>();
        for (Pod p : unscheduledPods) {
            String previous = seen.put(p.uid(), p.key());
            if (previous != null) {
                throw new IllegalArgumentException(
                        "unscheduled pods "
                                + previous
                                + " and "
                                + p.key()
                                + " share uid "
                                + p.uid());
            }
        }
        templates = Map.copyOf(templates);
        upcomingNodes = upcomingNodes == null ? Map.of() : Map.copyOf(upcomingNodes);
        backedOffGroups = backedOffGroups == null ? Map.of() : Map.copyOf(backedOffGroups);
        for (Map.Entry<String, Integer> e : upcomingNodes.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException(
                        "upcoming nodes of group "
                                + e.getKey()
                                + " must not be negative, got "
                                + e.getValue());
            }
        }
    }
}
