/**
 * The server creates in flight, kept in a ConfigMap ({@code cluster-autoscaler-kamatera-creates})
 * so that a restarted autoscaler knows the servers its predecessor was creating: Kamatera hides a
 * server from its list while the create runs, and without this record the new autoscaler would
 * order a second server. {@link org.k8sca.kube.creates.CreatesConfigMap} reads and writes it; the
 * app connects it to the Kamatera provider's store interface.
 */
package org.k8sca.kube.creates;
