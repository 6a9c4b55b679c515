package org.k8sca.core.snapshot;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;

/**
 * One pod bound to or removed from a node (reverts included), as {@link
 * ClusterSnapshot#podChangesSince} reports it, for callers that keep counts up to date.
 *
 * @param pod the pod, with its node name
 * @param node the node it was bound to or removed from (it may have been removed since)
 * @param added {@code true} when bound, {@code false} when removed
 */
public record PodChange(Pod pod, Node node, boolean added) {}
