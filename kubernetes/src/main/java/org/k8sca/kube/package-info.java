/**
 * The Kubernetes edge of the autoscaler, on the fabric8 client. Sub-packages translate Kubernetes
 * objects into the core model, keep a live view of the cluster, and perform cluster operations
 * (taints, evictions, node deletion), and keep the provider's server creates in flight in a
 * ConfigMap ({@code creates}). Holds the one cross-cutting helper, the injectable {@link
 * org.k8sca.kube.Sleeper}.
 */
package org.k8sca.kube;
