package org.k8sca.kube.testing;

import java.util.List;

/**
 * The RBAC of upstream's Kamatera example ({@code examples/rbac.yaml}: its ClusterRole and its Role
 * in kube-system), rule for rule, for {@link MockApiServer#enforceRbac}: an operator who migrates
 * keeps these, so the autoscaler must live with them.
 */
public final class UpstreamRbac {

    /** Where upstream's Role (the Lease's and ConfigMaps' rules) lives. */
    public static final String NAMESPACE = "kube-system";

    /** The ServiceAccount named in refusals. */
    public static final String USER = "system:serviceaccount:kube-system:cluster-autoscaler";

    public static final List<RbacRule> RULES =
            List.of(
                    // ClusterRole cluster-autoscaler
                    RbacRule.cluster("", "events", "create", "patch"),
                    RbacRule.cluster("", "endpoints", "create", "patch"),
                    RbacRule.cluster("", "pods/eviction", "create"),
                    RbacRule.cluster("", "pods/status", "update"),
                    RbacRule.cluster("", "endpoints", "get", "update").named("cluster-autoscaler"),
                    RbacRule.cluster("", "nodes", "watch", "list", "get", "update"),
                    RbacRule.cluster("", "namespaces", "watch", "list", "get"),
                    RbacRule.cluster("", "pods", "watch", "list", "get"),
                    RbacRule.cluster("", "services", "watch", "list", "get"),
                    RbacRule.cluster("", "replicationcontrollers", "watch", "list", "get"),
                    RbacRule.cluster("", "persistentvolumeclaims", "watch", "list", "get"),
                    RbacRule.cluster("", "persistentvolumes", "watch", "list", "get"),
                    RbacRule.cluster("extensions", "replicasets", "watch", "list", "get"),
                    RbacRule.cluster("extensions", "daemonsets", "watch", "list", "get"),
                    RbacRule.cluster("policy", "poddisruptionbudgets", "watch", "list"),
                    RbacRule.cluster("apps", "statefulsets", "watch", "list", "get"),
                    RbacRule.cluster("apps", "replicasets", "watch", "list", "get"),
                    RbacRule.cluster("apps", "daemonsets", "watch", "list", "get"),
                    RbacRule.cluster("storage.k8s.io", "storageclasses", "watch", "list", "get"),
                    RbacRule.cluster("storage.k8s.io", "csinodes", "watch", "list", "get"),
                    RbacRule.cluster("storage.k8s.io", "csidrivers", "watch", "list", "get"),
                    RbacRule.cluster(
                            "storage.k8s.io", "csistoragecapacities", "watch", "list", "get"),
                    RbacRule.cluster("storage.k8s.io", "volumeattachments", "watch", "list", "get"),
                    RbacRule.cluster("batch", "jobs", "get", "list", "watch", "patch"),
                    RbacRule.cluster("extensions", "jobs", "get", "list", "watch", "patch"),
                    RbacRule.cluster("coordination.k8s.io", "leases", "create"),
                    RbacRule.cluster("coordination.k8s.io", "leases", "get", "update")
                            .named("cluster-autoscaler"),
                    RbacRule.cluster("resource.k8s.io", "resourceslices", "watch", "list", "get"),
                    RbacRule.cluster("resource.k8s.io", "deviceclasses", "watch", "list", "get"),
                    RbacRule.cluster("resource.k8s.io", "resourceclaims", "watch", "list", "get"),
                    // Role cluster-autoscaler in kube-system
                    RbacRule.namespaced(NAMESPACE, "", "configmaps", "create", "list", "watch"),
                    RbacRule.namespaced(
                                    NAMESPACE, "", "configmaps", "delete", "get", "update", "watch")
                            .named(
                                    "cluster-autoscaler-status",
                                    "cluster-autoscaler-priority-expander"));

    private UpstreamRbac() {}
}
