/**
 * Scale-down planning: which nodes are unneeded, since when, which of them to delete now, and why
 * every other node is kept. {@link org.k8sca.core.scaledown.ScaleDownPlanner} runs the steps of the
 * sub-packages in order: eligibility, drain rules, removal simulation, unneeded timers and soft
 * taints, cooldown, and the final selection. Pure Java: the caller supplies the snapshot, the
 * groups, PDBs and controllers, and applies the resulting {@link
 * org.k8sca.core.scaledown.ScaleDownPlan}.
 */
package org.k8sca.core.scaledown;
