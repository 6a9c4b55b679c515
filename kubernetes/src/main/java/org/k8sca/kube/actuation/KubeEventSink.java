package org.k8sca.kube.actuation;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events with source component {@value #COMPONENT}, as upstream. Node events go to
 * the {@code default} namespace (nodes have none), pod events to the pod's. A failed write is
 * logged at debug level and dropped: events are informational.
 */
public final class KubeEventSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(KubeEventSink.class);

    public static final String COMPONENT = "cluster-autoscaler";

    private final KubernetesClient client;
    private final Clock clock;

    public KubeEventSink(KubernetesClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void nodeEvent(String nodeName, boolean warning, String reason, String message) {
        ObjectReference ref = new ObjectReferenceBuilder().withKind("Node").withApiVersion("v1").withName(nodeName)
                .withUid(nodeName).build();
        write("default", ref, warning, reason, message);
    }

    @Override
    public void podEvent(String namespace, String name, String uid, boolean warning, String reason, String message) {
        ObjectReference ref = new ObjectReferenceBuilder().withKind("Pod").withApiVersion("v1")
                .withNamespace(namespace).withName(name).withUid(uid).build();
        write(namespace, ref, warning, reason, message);
    }

    private void write(String namespace, ObjectReference ref, boolean warning, String reason, String message) {
        String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try {
            client.v1().events().inNamespace(namespace).resource(new EventBuilder()
                    .withNewMetadata()
                    .withNamespace(namespace)
                    .withName(ref.getName() + "." + UUID.randomUUID().toString().substring(0, 8))
                    .endMetadata()
                    .withInvolvedObject(ref)
                    .withType(warning ? "Warning" : "Normal")
                    .withReason(reason)
                    .withMessage(message)
                    .withNewSource().withComponent(COMPONENT).endSource()
                    .withFirstTimestamp(time)
                    .withLastTimestamp(time)
                    .withCount(1)
                    .build()).create();
        } catch (KubernetesClientException e) {
            LOG.debug("could not record event {} on {} {}: {}", reason, ref.getKind(), ref.getName(), e.getMessage());
        }
    }
}
