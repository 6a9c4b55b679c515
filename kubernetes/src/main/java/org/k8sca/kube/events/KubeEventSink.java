package org.k8sca.kube.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates core {@code v1} Events, as upstream's recorder does: named {@code <object>.<hex nanos>},
 * in the object's namespace ({@code default} for nodes), with {@code source.component =
 * cluster-autoscaler}, count 1 and both timestamps at the event's time. The name's nanoseconds are
 * made strictly increasing, so two events at the same instant (a coarse or injected clock) do not
 * collide.
 */
public final class KubeEventSink implements EventSink {

    public static final String COMPONENT = "cluster-autoscaler";
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final KubernetesClient client;
    private final String host;
    private final AtomicLong lastNameNanos = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param host the reporting instance (upstream: the pod's host name); may be empty
     */
    public KubeEventSink(KubernetesClient client, String host) {
        this.client = Objects.requireNonNull(client, "client");
        this.host = host == null ? "" : host;
    }

    @Override
    public void write(RecordedEvent e) {
        long nanos = e.at().getEpochSecond() * 1_000_000_000L + e.at().getNano();
        long unique = lastNameNanos.updateAndGet(last -> Math.max(last + 1, nanos));
        Event event = toEvent(e, host, unique);
        client.v1()
                .events()
                .inNamespace(event.getMetadata().getNamespace())
                .resource(event)
                .create();
    }

    static Event toEvent(RecordedEvent e, String host, long nameNanos) {
        EventObject o = e.object();
        String namespace = o.namespace().isEmpty() ? "default" : o.namespace();
        String time = SECONDS.format(e.at().truncatedTo(ChronoUnit.SECONDS));
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(o.name() + "." + Long.toHexString(nameNanos))
                .endMetadata()
                .withNewInvolvedObject()
                .withKind(o.kind())
                .withApiVersion(o.apiVersion())
                .withNamespace(o.namespace().isEmpty() ? null : o.namespace())
                .withName(o.name())
                .withUid(o.uid().isEmpty() ? null : o.uid())
                .endInvolvedObject()
                .withType(e.type().apiName())
                .withReason(e.reason())
                .withMessage(e.message())
                .withNewSource()
                .withComponent(COMPONENT)
                .withHost(host.isEmpty() ? null : host)
                .endSource()
                .withReportingComponent(COMPONENT)
                .withReportingInstance(host.isEmpty() ? null : host)
                .withFirstTimestamp(time)
                .withLastTimestamp(time)
                .withCount(1)
                .build();
    }
}
