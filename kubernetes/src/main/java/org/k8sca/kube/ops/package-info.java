/**
 * Cluster operations scale-down needs, behind small interfaces: taint and untaint a node ({@link
 * org.k8sca.kube.ops.NodeTainter}), evict a pod through policy/v1 Eviction ({@link
 * org.k8sca.kube.ops.PodEvictor}), and delete a Node object ({@link
 * org.k8sca.kube.ops.NodeObjectDeleter}). The {@code Kube*} classes implement them with fabric8.
 * Every Node write goes through {@link org.k8sca.kube.ops.KubeNodeUpdater}: a read, then an update
 * that carries the resourceVersion, conflicts retried; never a patch or server-side apply, so that
 * upstream's RBAC (get and update on nodes) is enough. Other calls are single attempts where the
 * caller owns the retry policy.
 */
package org.k8sca.kube.ops;
