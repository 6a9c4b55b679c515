package org.k8sca.kube;

import java.util.List;
import java.util.Set;

/**
 * Every Kubernetes API call this module makes, as RBAC rules: the least privilege the deployment's
 * ClusterRole must grant for it. A test runs the view and every cluster operation against the mock
 * API server and checks that the requests it sees are exactly these, so the list cannot drift.
 *
 * <p>Upstream's example RBAC (which an operator migrating from it keeps) grants all of these but
 * {@code nodes: delete}; a test runs the same calls under upstream's rules and checks that this is
 * the only refusal, and that it is handled.
 */
public final class ApiPermissions {

    /**
     * One RBAC rule.
     *
     * @param apiGroup the API group ({@code ""} for the core group)
     * @param resource the resource, with its subresource if any ({@code pods/eviction})
     * @param verbs the verbs used
     */
    public record Rule(String apiGroup, String resource, Set<String> verbs) {
        public Rule {
            verbs = Set.copyOf(verbs);
        }
    }

    private static final Set<String> READ = Set.of("list", "watch");

    /** The rules, grouped by what needs them. */
    public static final List<Rule> RULES =
            List.of(
                    // The cluster view's informers; nodes are written with get + update (taints,
                    // cordon, provider ID) and deleted after their server. Upstream's example RBAC
                    // has all of this except nodes: delete; without it the Node is left behind
                    // (KubeClusterOperations.deleteNodeObject).
                    new Rule("", "pods", Set.of("list", "watch", "get")),
                    new Rule("", "nodes", Set.of("list", "watch", "get", "update", "delete")),
                    new Rule("", "namespaces", READ),
                    new Rule("", "replicationcontrollers", READ),
                    new Rule("", "persistentvolumeclaims", READ),
                    new Rule("", "persistentvolumes", READ),
                    // Informers read ConfigMaps (the priority expander's); the status ConfigMap is
                    // read, created, updated every loop and deleted on a clean exit; the creates
                    // ConfigMap (kube.creates) is read, created and updated.
                    new Rule(
                            "",
                            "configmaps",
                            Set.of("list", "watch", "get", "create", "update", "delete")),
                    new Rule("apps", "daemonsets", READ),
                    new Rule("apps", "replicasets", READ),
                    new Rule("apps", "statefulsets", READ),
                    new Rule("batch", "jobs", READ),
                    new Rule("policy", "poddisruptionbudgets", READ),
                    new Rule("storage.k8s.io", "storageclasses", READ),
                    // Draining: evictions go through the policy-checking subresource.
                    new Rule("", "pods/eviction", Set.of("create")),
                    // Events on nodes and pods (kube.actuation) and on the status ConfigMap; each
                    // is a new object.
                    new Rule("", "events", Set.of("create")),
                    // Leader election (kube.election): the Lease is created once, then read and
                    // updated.
                    new Rule("coordination.k8s.io", "leases", Set.of("get", "create", "update")));

    private ApiPermissions() {}
}
