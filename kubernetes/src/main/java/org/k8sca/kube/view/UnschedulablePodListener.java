package org.k8sca.kube.view;

import org.k8sca.kube.objects.ObservedPod;

/**
 * Told when a pod becomes unschedulable, so the main loop can wake up early instead of waiting for
 * the scan interval. Called on an informer thread: return quickly.
 */
@FunctionalInterface
public interface UnschedulablePodListener {

    void podBecameUnschedulable(ObservedPod pod);
}
