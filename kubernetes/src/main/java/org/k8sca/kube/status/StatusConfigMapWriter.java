package org.k8sca.kube.status;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.k8sca.kube.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the status document into the ConfigMap (default {@code
 * kube-system/cluster-autoscaler-status}, key {@code status}) with the annotation {@code
 * cluster-autoscaler.kubernetes.io/last-updated}. Each attempt reads the ConfigMap and creates it
 * when missing or updates it with the {@code resourceVersion} it read; a 409 (someone else wrote it
 * in between, or created it first) is retried after a short wait, a few times. Other keys and
 * annotations on the ConfigMap are kept.
 */
public final class StatusConfigMapWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusConfigMapWriter.class);

    public static final String DEFAULT_NAME = "cluster-autoscaler-status";
    public static final String STATUS_KEY = "status";
    public static final String LAST_UPDATED_ANNOTATION =
            "cluster-autoscaler.kubernetes.io/last-updated";
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMillis(200);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int attempts;
    private final Duration retryInterval;

    public StatusConfigMapWriter(
            KubernetesClient client,
            String namespace,
            String name,
            Clock clock,
            Sleeper sleeper,
            int attempts,
            Duration retryInterval) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = requireName(namespace, "namespace");
        this.name = requireName(name, "status ConfigMap name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (attempts < 1) {
            throw new IllegalArgumentException(
                    "status ConfigMap write attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
    }

    /** With the default retries, on the real clock. */
    public StatusConfigMapWriter(KubernetesClient client, String namespace, String name) {
        this(
                client,
                namespace,
                name,
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                DEFAULT_ATTEMPTS,
                DEFAULT_RETRY_INTERVAL);
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** Renders {@code report} and writes it. */
    public void write(StatusReport report) {
        writeDocument(StatusYaml.render(report));
    }

    /**
     * Writes {@code statusDocument} under key {@code status}.
     *
     * @throws StatusWriteException when the API refuses it, or conflicts persist after all attempts
     */
    public void writeDocument(String statusDocument) {
        KubernetesClientException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                writeOnce(statusDocument);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw new StatusWriteException(
                            "writing the status ConfigMap "
                                    + namespace
                                    + "/"
                                    + name
                                    + " failed: "
                                    + e.getMessage(),
                            e);
                }
                last = e;
                if (attempt < attempts) {
                    LOG.debug(
                            "conflict writing status ConfigMap {}/{}, attempt {} of {}",
                            namespace,
                            name,
                            attempt,
                            attempts);
                    pause();
                }
            }
        }
        throw new StatusWriteException(
                "writing the status ConfigMap "
                        + namespace
                        + "/"
                        + name
                        + " still conflicted after "
                        + attempts
                        + " attempts",
                last);
    }

    private void writeOnce(String statusDocument) {
        String now = GoTime.string(clock.instant());
        ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
        if (existing == null) {
            ConfigMap created =
                    new ConfigMapBuilder()
                            .withNewMetadata()
                            .withNamespace(namespace)
                            .withName(name)
                            .addToAnnotations(LAST_UPDATED_ANNOTATION, now)
                            .endMetadata()
                            .addToData(STATUS_KEY, statusDocument)
                            .build();
            client.configMaps().inNamespace(namespace).resource(created).create();
            return;
        }
        Map<String, String> data =
                existing.getData() == null ? new HashMap<>() : new HashMap<>(existing.getData());
        data.put(STATUS_KEY, statusDocument);
        existing.setData(data);
        Map<String, String> annotations =
                existing.getMetadata().getAnnotations() == null
                        ? new HashMap<>()
                        : new HashMap<>(existing.getMetadata().getAnnotations());
        annotations.put(LAST_UPDATED_ANNOTATION, now);
        existing.getMetadata().setAnnotations(annotations);
        // update() sends the resourceVersion read above: a write in between answers 409.
        client.configMaps().inNamespace(namespace).resource(existing).update();
    }

    /** Deletes the ConfigMap, as upstream does on a clean exit; a missing one is fine. */
    public void delete() {
        try {
            client.configMaps().inNamespace(namespace).withName(name).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw new StatusWriteException(
                        "deleting the status ConfigMap "
                                + namespace
                                + "/"
                                + name
                                + " failed: "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private void pause() {
        try {
            sleeper.sleep(retryInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusWriteException(
                    "interrupted while writing the status ConfigMap " + namespace + "/" + name, e);
        }
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
