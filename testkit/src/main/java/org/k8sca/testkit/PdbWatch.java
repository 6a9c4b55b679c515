package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.core.model.Pod;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.testing.MockApiServer;
import org.k8sca.kube.translate.DisruptionBudgetTranslator;
import org.k8sca.kube.translate.TranslationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches for evictions that broke a PodDisruptionBudget: after pods a budget covers are evicted
 * (an eviction request reached the API server and the pod is gone), the budget must still have at
 * least its desired number of healthy pods. Pods deleted otherwise are not counted: budgets do not
 * protect against deletion.
 */
final class PdbWatch {
    private static final Pattern EVICTION =
            Pattern.compile("^POST /api/v1/namespaces/([^/]+)/pods/([^/?]+)/eviction");
    private final KubernetesClient client;
    private final MockApiServer api;
    private int requestsSeen;
    private final List<String> breaches = new ArrayList<>();
    private Map<String, Pod> lastPods = Map.of();

    PdbWatch(KubernetesClient client, MockApiServer api) {
        this.client = client;
        this.api = api;
    }

    /** Whether eviction requests reached the API server since the last observation. */
    boolean evictionsPending() {
        List<String> requests = api.requests();
        for (String line :
                requests.subList(Math.min(requestsSeen, requests.size()), requests.size())) {
            if (EVICTION.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares {@code now}, the cluster as the API server holds it, with the previous observation.
     */
    void observe(ClusterObjects now) {
        Map<String, Pod> pods = new HashMap<>();
        for (ObservedPod p : now.pods()) {
            pods.put(p.key(), p.pod());
        }
        List<String> requests = api.requests();
        Set<String> evictionRequests = new HashSet<>();
        for (String line :
                requests.subList(Math.min(requestsSeen, requests.size()), requests.size())) {
            Matcher m = EVICTION.matcher(line);
            if (m.find()) {
                evictionRequests.add(m.group(1) + "/" + m.group(2));
            }
        }
        requestsSeen = requests.size();
        List<Pod> evicted = new ArrayList<>();
        for (Map.Entry<String, Pod> e : lastPods.entrySet()) {
            if (!pods.containsKey(e.getKey()) && evictionRequests.contains(e.getKey())) {
                evicted.add(e.getValue());
            }
        }
        if (!evicted.isEmpty()) {
            for (PodDisruptionBudget pdb :
                    client.policy().v1().podDisruptionBudget().inAnyNamespace().list().getItems()) {
                check(pdb, evicted, now);
            }
        }
        lastPods = pods;
    }

    private void check(PodDisruptionBudget pdb, List<Pod> evicted, ClusterObjects now) {
        org.k8sca.core.model.PodDisruptionBudget budget;
        try {
            budget = DisruptionBudgetTranslator.translate(pdb);
        } catch (TranslationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<String> hit = evicted.stream().filter(budget::covers).map(Pod::key).toList();
        if (hit.isEmpty()) {
            return;
        }
        DisruptionController.Health h = DisruptionController.health(pdb, now);
        if (h.healthy() < h.desired()) {
            breaches.add(
                    "PDB "
                            + budget.namespace()
                            + "/"
                            + budget.name()
                            + ": after "
                            + hit
                            + " went away, "
                            + h.healthy()
                            + " healthy pods < "
                            + h.desired()
                            + " desired");
        }
    }

    List<String> breaches() {
        return List.copyOf(breaches);
    }
}
