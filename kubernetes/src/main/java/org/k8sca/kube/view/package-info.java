/**
 * The live view of the cluster: one informer per kind (all namespaces, no field selectors, managed
 * fields dropped), each change translated once into the core model, and a consistent
 * {@link org.k8sca.kube.objects.ClusterObjects} snapshot for every loop iteration.
 */
package org.k8sca.kube.view;
