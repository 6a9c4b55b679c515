/**
 * What the Kubernetes edge knows about cluster objects beyond the core model: a pod's scheduling
 * state ({@link org.k8sca.kube.objects.ObservedPod}; its lifecycle and volumes are in the core
 * pod), workload controllers ({@link org.k8sca.kube.objects.Workload}), volume claims and volumes,
 * and the consistent {@link org.k8sca.kube.objects.ClusterObjects} snapshot the main loop reads.
 * Plain immutable records; nothing here refers to the Kubernetes client.
 */
package org.k8sca.kube.objects;
