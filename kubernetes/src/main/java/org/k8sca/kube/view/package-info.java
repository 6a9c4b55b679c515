/**
 * The cluster as the autoscaler sees it, as {@link org.k8sca.kube.objects.ClusterObjects}: live,
 * from one informer per kind (all namespaces, no field selectors; cached objects trimmed of what no
 * translator reads, {@link org.k8sca.kube.view.CacheTrimmer}), each change translated once into the
 * core model ({@link org.k8sca.kube.view.ClusterView}); or offline, from a fixed set of objects
 * such as a recorded snapshot, with the same translators and volume rules ({@link
 * org.k8sca.kube.view.ClusterObjectsBuilder}).
 */
package org.k8sca.kube.view;
