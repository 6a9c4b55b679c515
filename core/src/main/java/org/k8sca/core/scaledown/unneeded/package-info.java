/**
 * State that scale-down carries from loop to loop: since when each node has been unneeded (with
 * recovery from the soft taint after a restart), the soft-taint plan, and the cooldowns after
 * scale-ups, deletions and failures.
 */
package org.k8sca.core.scaledown.unneeded;
