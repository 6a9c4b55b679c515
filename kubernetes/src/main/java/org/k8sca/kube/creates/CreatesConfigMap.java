package org.k8sca.kube.creates;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.k8sca.kube.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server creates in flight in a ConfigMap of the autoscaler's namespace (default {@code
 * cluster-autoscaler-kamatera-creates}): one key per server name, its value a small JSON object
 * {@code {"group":"ng1","requestedAt":"2026-01-02T03:04:05Z","commandId":"123"}} ({@code commandId}
 * absent while unknown). Nothing secret is stored.
 *
 * <p>{@link #load()} reads it (a missing ConfigMap means no creates) and skips an entry it cannot
 * read with a warning naming the ConfigMap and the key. A 403 (upstream's example RBAC has no grant
 * for this name) turns the store off for the life of the process with one warning, {@link
 * #FORBIDDEN_WARNING}: no further request is made, and restarts are then unprotected. {@link #save}
 * replaces all keys, creating the ConfigMap when needed; a 409 (written or created in between) is
 * retried after a short wait, a few times. Labels and annotations someone put on it are kept.
 */
public final class CreatesConfigMap {
    private static final Logger LOG = LoggerFactory.getLogger(CreatesConfigMap.class);

    public static final String DEFAULT_NAME = "cluster-autoscaler-kamatera-creates";
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMillis(200);

    /**
     * Logged once per process when RBAC refuses the ConfigMap (upstream's example RBAC grants get
     * and update only on other ConfigMap names).
     */
    public static final String FORBIDDEN_WARNING =
            "RBAC: cannot read or write the ConfigMap %s (configmaps get, update); server creates in"
                    + " flight are not kept across restarts, so a restart during a create may"
                    + " order a second server; apply deploy/kubernetes/rbac.yaml to allow it";

    /** What the API server accepts as a ConfigMap key. */
    private static final Pattern VALID_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Sleeper sleeper;
    private final int attempts;
    private final Duration retryInterval;

    /** Set at the first 403: the store is then off for the life of the process. */
    private volatile boolean forbidden;

    public CreatesConfigMap(
            KubernetesClient client,
            String namespace,
            String name,
            Sleeper sleeper,
            int attempts,
            Duration retryInterval) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = requireName(namespace, "namespace");
        this.name = requireName(name, "creates ConfigMap name");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (attempts < 1) {
            throw new IllegalArgumentException(
                    "creates ConfigMap write attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
    }

    /** The default name, the default retries, sleeping for real between them. */
    public CreatesConfigMap(KubernetesClient client, String namespace) {
        this(
                client,
                namespace,
                DEFAULT_NAME,
                Sleeper.SYSTEM,
                DEFAULT_ATTEMPTS,
                DEFAULT_RETRY_INTERVAL);
    }

    /** {@code namespace/name}, for messages. */
    public String describe() {
        return namespace + "/" + name;
    }

    /** Whether RBAC refused the ConfigMap; then nothing is read or written any more. */
    public boolean isForbidden() {
        return forbidden;
    }

    /**
     * The saved creates, by server name. Empty when RBAC refuses the ConfigMap (logged once, see
     * {@link #FORBIDDEN_WARNING}): the autoscaler then works as without the store.
     *
     * @throws CreatesStoreException when the ConfigMap cannot be read for another reason
     */
    public List<SavedCreate> load() {
        List<SavedCreate> result = new ArrayList<>();
        if (forbidden) {
            return result;
        }
        ConfigMap configMap;
        try {
            configMap = client.configMaps().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                turnOff(e);
                return result;
            }
            throw new CreatesStoreException(
                    "reading the ConfigMap " + describe() + " failed: " + e.getMessage(), e);
        }
        if (configMap == null || configMap.getData() == null) {
            return result;
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(configMap.getData()).entrySet()) {
            try {
                result.add(parse(entry.getKey(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "Ignoring key {} of ConfigMap {}: {} (if that server is being created, a"
                                + " restart may create another)",
                        entry.getKey(),
                        describe(),
                        e.getMessage());
            }
        }
        return result;
    }

    /**
     * Replaces the saved creates with {@code creates}. A server name that cannot be a ConfigMap key
     * is left out with a warning.
     *
     * @throws CreatesStoreException when the API refuses it, or conflicts persist after all
     *     attempts
     */
    public void save(List<SavedCreate> creates) {
        if (forbidden) {
            return;
        }
        Map<String, String> data = new TreeMap<>();
        for (SavedCreate create : creates) {
            if (!VALID_KEY.matcher(create.serverName()).matches()) {
                LOG.warn(
                        "Server name {} cannot be a key of ConfigMap {}; its create is not saved",
                        create.serverName(),
                        describe());
                continue;
            }
            data.put(create.serverName(), render(create));
        }
        KubernetesClientException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                saveOnce(data);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403) {
                    turnOff(e);
                    return;
                }
                if (e.getCode() != 409) {
                    throw new CreatesStoreException(
                            "writing the ConfigMap " + describe() + " failed: " + e.getMessage(),
                            e);
                }
                last = e;
                if (attempt < attempts) {
                    pause();
                }
            }
        }
        throw new CreatesStoreException(
                "writing the ConfigMap "
                        + describe()
                        + " still conflicted after "
                        + attempts
                        + " attempts",
                last);
    }

    private void saveOnce(Map<String, String> data) {
        ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
        if (existing == null) {
            if (data.isEmpty()) {
                return; // nothing in flight and nothing saved: no need for a ConfigMap
            }
            ConfigMap created =
                    new ConfigMapBuilder()
                            .withNewMetadata()
                            .withNamespace(namespace)
                            .withName(name)
                            .endMetadata()
                            .withData(data)
                            .build();
            client.configMaps().inNamespace(namespace).resource(created).create();
            return;
        }
        if (data.equals(existing.getData() == null ? Map.of() : existing.getData())) {
            return;
        }
        existing.setData(data);
        // update() sends the resourceVersion read above: a write in between answers 409.
        client.configMaps().inNamespace(namespace).resource(existing).update();
    }

    private String render(SavedCreate create) {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("group", create.group());
        value.put("requestedAt", create.requestedAt().toString());
        create.commandId().ifPresent(id -> value.put("commandId", id));
        return client.getKubernetesSerialization().asJson(value);
    }

    private SavedCreate parse(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty value");
        }
        Map<?, ?> fields;
        try {
            fields = client.getKubernetesSerialization().unmarshal(value, Map.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
        if (fields == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String group = text(fields, "group", true);
        String requestedAt = text(fields, "requestedAt", true);
        String commandId = text(fields, "commandId", false);
        Instant at;
        try {
            at = Instant.parse(requestedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "requestedAt is not an RFC 3339 UTC time: " + requestedAt, e);
        }
        return new SavedCreate(key, group, at, Optional.ofNullable(commandId));
    }

    private static String text(Map<?, ?> fields, String field, boolean required) {
        Object v = fields.get(field);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException("missing " + field);
            }
            return null;
        }
        String s = v.toString();
        if (s.isBlank() || !(v instanceof String || v instanceof Number)) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return s;
    }

    private void turnOff(KubernetesClientException e) {
        forbidden = true;
        LOG.warn("{} (API server: {})", FORBIDDEN_WARNING.formatted(describe()), e.getMessage());
    }

    private void pause() {
        try {
            sleeper.sleep(retryInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CreatesStoreException(
                    "interrupted while writing the ConfigMap " + describe(), e);
        }
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
