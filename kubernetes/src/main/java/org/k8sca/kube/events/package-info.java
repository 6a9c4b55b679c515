/**
 * Kubernetes events the autoscaler records, with upstream's reasons and de-duplication: {@link
 * org.k8sca.kube.events.AutoscalerEvents} says what happened in upstream's words, {@link
 * org.k8sca.kube.events.EventRecorder} drops repeats within 5 minutes and hands the rest to a
 * background writer through a bounded queue, so the loop never waits for the API server, and {@link
 * org.k8sca.kube.events.KubeEventSink} creates the {@code v1} Event objects.
 */
package org.k8sca.kube.events;
