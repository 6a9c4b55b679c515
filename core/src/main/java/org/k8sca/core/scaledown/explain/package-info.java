/**
 * Why scale-down did or did not pick a node: for every node, either "unneeded since T" or the
 * upstream Cluster Autoscaler's reason name for keeping it (and, for a blocking pod, which pod and
 * why). Immutable records in a stable order, for the status page, events and logs.
 */
package org.k8sca.core.scaledown.explain;
