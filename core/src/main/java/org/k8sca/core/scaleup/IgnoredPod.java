package org.k8sca.core.scaleup;

import org.k8sca.core.model.Pod;

/** A pod left out of planning, and why, e.g. {@code pod is held by scheduling gates [wait]}. */
public record IgnoredPod(Pod pod, String reason) {}
