/**
 * Cluster operations scale-down needs, behind small interfaces: taint and untaint a node ({@link
 * org.k8sca.kube.ops.NodeTainter}), evict a pod through policy/v1 Eviction ({@link
 * org.k8sca.kube.ops.PodEvictor}), and delete a Node object ({@link
 * org.k8sca.kube.ops.NodeObjectDeleter}). The {@code Kube*} classes implement them with fabric8,
 * using optimistic updates that carry the resourceVersion (never server-side apply), and single
 * attempts where the caller owns the retry policy.
 */
package org.k8sca.kube.ops;
