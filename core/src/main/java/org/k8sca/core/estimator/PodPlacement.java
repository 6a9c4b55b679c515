package org.k8sca.core.estimator;

import org.k8sca.core.model.Pod;

/** A pending pod and the simulated new node the estimator put it on. */
public record PodPlacement(Pod pod, String nodeName) {}
