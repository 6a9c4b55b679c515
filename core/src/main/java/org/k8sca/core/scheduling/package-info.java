/**
 * Scheduling simulation: kube-scheduler's Filter plugins re-implemented in Java with the
 * scheduler's verdicts and reason texts, run against a {@link
 * org.k8sca.core.snapshot.ClusterSnapshot} by the {@link
 * org.k8sca.core.scheduling.PredicateChecker}. Failures aggregate over nodes into messages like
 * {@code 0/5 nodes are available: 2 Insufficient cpu, 3 node(s) were unschedulable.}
 */
package org.k8sca.core.scheduling;
