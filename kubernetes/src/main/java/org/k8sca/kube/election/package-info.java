/**
 * Leader election on a coordination.k8s.io Lease, so that of several autoscaler replicas only one
 * acts (upstream: Lease {@code cluster-autoscaler}, 15 s lease, 10 s renew deadline, 2 s retry).
 * The Lease is read and updated, never patched, as upstream's RBAC allows.
 */
package org.k8sca.kube.election;
