/**
 * Scheduling simulation: kube-scheduler's Filter plugins re-implemented in Java with the
 * scheduler's verdicts and reason texts, run against a {@link
 * org.k8sca.core.snapshot.ClusterSnapshot} by the {@link
 * org.k8sca.core.scheduling.PredicateChecker}. Failures aggregate over nodes into messages like
 * {@code 0/5 nodes are available: 2 Insufficient cpu, 3 node(s) were unschedulable.}
 *
 * <p>Filters, in the scheduler's order: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity,
 * NodePorts, NodeResourcesFit, VolumeBinding (bound PVs' node affinity and unbound Immediate
 * claims), VolumeZone, PodTopologySpread (DoNotSchedule), InterPodAffinity (required terms, both
 * directions).
 *
 * <p>Not simulated (as in the upstream autoscaler's common setups, or deferred):
 * VolumeRestrictions, NodeVolumeLimits, provisioning checks of WaitForFirstConsumer claims (they
 * pass), and dynamic resource allocation.
 */
package org.k8sca.core.scheduling;
