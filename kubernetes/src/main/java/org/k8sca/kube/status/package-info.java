/**
 * The status ConfigMap ({@code cluster-autoscaler-status}): {@link
 * org.k8sca.kube.status.StatusYaml} renders upstream's YAML document from the core's cluster state,
 * and {@link org.k8sca.kube.status.StatusConfigMapWriter} writes it (create or update, retried on
 * conflicts) with the {@code cluster-autoscaler.kubernetes.io/last-updated} annotation.
 */
package org.k8sca.kube.status;
