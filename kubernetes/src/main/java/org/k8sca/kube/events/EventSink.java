package org.k8sca.kube.events;

/** Where recorded events go; {@link KubeEventSink} writes them to the API server. */
@FunctionalInterface
public interface EventSink {

    /** Writes one event; may block on the network. An exception means it was not written. */
    void write(RecordedEvent event) throws Exception;
}
