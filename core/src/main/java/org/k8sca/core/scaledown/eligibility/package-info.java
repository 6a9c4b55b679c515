/**
 * The cheap per-node checks that come before the removal simulation: how utilized a node is
 * (requests over allocatable) and whether it may be considered for removal at all.
 */
package org.k8sca.core.scaledown.eligibility;
