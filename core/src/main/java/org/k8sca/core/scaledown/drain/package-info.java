/**
 * Which pods block a node's removal (the drainability rules, applied to each pod in the upstream
 * order), which pods must be rescheduled elsewhere, and the PodDisruptionBudgets' remaining
 * disruptions, consumed as nodes are chosen for removal.
 */
package org.k8sca.core.scaledown.drain;
