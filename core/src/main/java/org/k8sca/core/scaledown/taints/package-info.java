/**
 * The two taints the autoscaler puts on nodes it plans to remove: the hard {@code
 * ToBeDeletedByClusterAutoscaler} (NoSchedule, during a deletion) and the soft {@code
 * DeletionCandidateOfClusterAutoscaler} (PreferNoSchedule, while unneeded). Both carry a Unix
 * timestamp as their value, which lets a restarted autoscaler recover its timers.
 */
package org.k8sca.core.scaledown.taints;
