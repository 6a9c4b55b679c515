/**
 * The core's and the provider's Kubernetes-facing interfaces ({@code ClusterOperations} for
 * scale-down, {@code NodeMetadata} for the Kamatera provider, soft taints) implemented with the
 * {@code kube.ops} classes. The autoscaler remembers that it cordoned a node in an annotation on
 * the node ({@link org.k8sca.kube.actuation.AutoscalerCordon}), so that only its own cordons are
 * undone, even after a restart.
 */
package org.k8sca.kube.actuation;
