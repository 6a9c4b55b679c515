package org.k8sca.kube.actuation;

/**
 * Where the actuation records Kubernetes events ({@code ScaleDown}, {@code ScaleDownFailed}, {@code
 * ClusterAutoscalerCleanup}). {@link AutoscalerEventSink} hands them to the autoscaler's event
 * recorder, which de-duplicates them and writes them in the background, so a drain never waits for
 * the API server to store an event.
 */
public interface EventSink {

    /** An event on node {@code nodeName}. */
    void nodeEvent(String nodeName, boolean warning, String reason, String message);

    /** An event on pod {@code namespace/name} with this UID. */
    void podEvent(
            String namespace,
            String name,
            String uid,
            boolean warning,
            String reason,
            String message);

    /** Records nothing. */
    EventSink NONE =
            new EventSink() {
                @Override
                public void nodeEvent(
                        String nodeName, boolean warning, String reason, String message) {}

                @Override
                public void podEvent(
                        String namespace,
                        String name,
                        String uid,
                        boolean warning,
                        String reason,
                        String message) {}
            };
}
