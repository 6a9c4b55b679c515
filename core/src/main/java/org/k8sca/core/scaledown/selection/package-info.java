/**
 * The final choice among unneeded nodes: which may be deleted now (unneeded long enough, group
 * above its minimum, cluster above its minimum cores and memory, within the parallelism budget),
 * split into empty nodes and nodes to drain.
 */
package org.k8sca.core.scaledown.selection;
