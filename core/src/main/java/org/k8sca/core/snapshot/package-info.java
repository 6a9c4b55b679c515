/**
 * The cluster snapshot: nodes and the pods bound to them, with incremental per-node aggregates
 * (requested resources, host ports) and cluster-wide indexes (pods by label, existing pods'
 * anti-affinity terms by topology domain), so that predicates never scan every pod. Simulations
 * {@link org.k8sca.core.snapshot.ClusterSnapshot#fork() fork} it, change it, and then {@link
 * org.k8sca.core.snapshot.ClusterSnapshot#revert() revert} or {@link
 * org.k8sca.core.snapshot.ClusterSnapshot#commit() commit}, each in O(changes).
 */
package org.k8sca.core.snapshot;
