package org.k8sca.app.simulate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.translate.TranslationException;
import org.k8sca.kube.view.ClusterObjectsBuilder;
import org.k8sca.kube.view.ClusterObjectsBuilder.SupportedKind;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the snapshot file of {@code simulate} (docs/cli.md):
 *
 * <pre>
 * {"time": "2026-11-24T10:00:00Z",
 *  "kubernetes": {"apiVersion": "v1", "kind": "List", "items": [...]},
 *  "kamatera": {"servers": [{"name": "...", "power": "on", "tags": ["k8sca-c1", "k8scang-ng1"]}]}}
 * </pre>
 *
 * Every problem is an {@link InvalidSnapshotException} whose message names the file and the place
 * in it. Items of kinds the autoscaler does not read are skipped; items of kinds it reads are
 * deserialized with fabric8 and translated exactly as the live cluster view translates them.
 */
public final class SnapshotReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final String autoscalerNamespace;

    /**
     * @param autoscalerNamespace where the priority expander's ConfigMap is looked for
     */
    public SnapshotReader(String autoscalerNamespace) {
        this.autoscalerNamespace = autoscalerNamespace;
    }

    /**
     * @throws IOException when the file cannot be read at all
     * @throws InvalidSnapshotException when its content is wrong
     */
    public Snapshot read(Path file) throws IOException, InvalidSnapshotException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param json the file content
     * @param source how to name the file in messages
     */
    public Snapshot parse(String json, String source) throws InvalidSnapshotException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidSnapshotException(
                    source
                            + ": not valid JSON"
                            + at(e.getLocation())
                            + ": "
                            + withoutSourceNote(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSnapshotException(
                    source
                            + ": expected a JSON object with \"kubernetes\" and"
                            + " \"kamatera\", got "
                            + describe(root));
        }
        Optional<Instant> time = time(root.get("time"), source);
        Kubernetes kubernetes = kubernetes(root.get("kubernetes"), source);
        List<SnapshotServer> servers = servers(root.get("kamatera"), source);
        return new Snapshot(time, kubernetes.objects(), servers, kubernetes.ignoredKinds());
    }

    private record Kubernetes(ClusterObjects objects, List<String> ignoredKinds) {}

    private static Optional<Instant> time(JsonNode node, String source)
            throws InvalidSnapshotException {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new InvalidSnapshotException(
                    source
                            + ": time: expected an RFC 3339 time string such as"
                            + " \"2026-11-24T10:00:00Z\", got "
                            + describe(node));
        }
        try {
            return Optional.of(
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(node.asString(), Instant::from));
        } catch (DateTimeParseException e) {
            throw new InvalidSnapshotException(
                    source
                            + ": time: \""
                            + node.asString()
                            + "\" is not an RFC 3339"
                            + " time such as \"2026-11-24T10:00:00Z\"");
        }
    }

    private Kubernetes kubernetes(JsonNode list, String source) throws InvalidSnapshotException {
        String where = source + ": kubernetes";
        if (list == null || list.isNull()) {
            throw new InvalidSnapshotException(
                    where
                            + ": missing; expected what"
                            + " 'kubectl get nodes,pods,pdb,ds,rs,sts,jobs -A -o json' prints");
        }
        if (!list.isObject()) {
            throw new InvalidSnapshotException(
                    where + ": expected a Kubernetes List object, got " + describe(list));
        }
        String kind = text(list.get("kind"));
        if (!kind.endsWith("List")) {
            throw new InvalidSnapshotException(
                    where
                            + ": expected kind List (as kubectl get -o json prints),"
                            + " got "
                            + (kind.isEmpty() ? "no kind" : "kind " + kind));
        }
        JsonNode items = list.get("items");
        if (items == null || items.isNull()) {
            items = JSON.createArrayNode();
        }
        if (!items.isArray()) {
            throw new InvalidSnapshotException(
                    where + ".items: expected an array, got " + describe(items));
        }
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder(autoscalerNamespace);
        TreeSet<String> ignored = new TreeSet<>();
        // Pods are translated last (after their volumes); this finds their place for messages.
        Map<String, String> placeOfObject = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemWhere = where + ".items[" + i + "]";
            if (!item.isObject()) {
                throw new InvalidSnapshotException(
                        itemWhere + ": expected a Kubernetes object, got " + describe(item));
            }
            String itemKind = text(item.get("kind"));
            if (itemKind.isEmpty()) {
                throw new InvalidSnapshotException(itemWhere + ": has no kind");
            }
            Optional<SupportedKind> supported = ClusterObjectsBuilder.supportedKind(itemKind);
            if (supported.isEmpty()) {
                ignored.add(itemKind);
                continue;
            }
            String object = itemKind + " " + name(item);
            placeOfObject.putIfAbsent(object, itemWhere);
            add(builder, supported.get(), item, itemWhere + " (" + object + ")");
        }
        try {
            return new Kubernetes(builder.build(), List.copyOf(ignored));
        } catch (TranslationException e) {
            String place = placeOfObject.getOrDefault(e.object(), where);
            throw new InvalidSnapshotException(place + " (" + e.getMessage() + ")", e);
        }
    }

    private void add(ClusterObjectsBuilder builder, SupportedKind kind, JsonNode item, String where)
            throws InvalidSnapshotException {
        String apiVersion = text(item.get("apiVersion"));
        if (!apiVersion.equals(kind.apiVersion())) {
            throw new InvalidSnapshotException(
                    where
                            + ": apiVersion "
                            + (apiVersion.isEmpty() ? "missing" : apiVersion)
                            + " is not supported; expected "
                            + kind.apiVersion());
        }
        JsonNode metadata = item.get("metadata");
        if (metadata == null || !metadata.isObject() || text(metadata.get("name")).isEmpty()) {
            throw new InvalidSnapshotException(where + ": metadata.name is missing");
        }
        HasMetadata object;
        try {
            object = serialization.convertValue(item, kind.type());
        } catch (RuntimeException e) {
            throw new InvalidSnapshotException(where + ": " + rootMessage(e), e);
        }
        try {
            builder.add(object);
        } catch (TranslationException e) {
            throw new InvalidSnapshotException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<SnapshotServer> servers(JsonNode kamatera, String source)
            throws InvalidSnapshotException {
        String where = source + ": kamatera";
        if (kamatera == null || kamatera.isNull()) {
            return List.of();
        }
        if (!kamatera.isObject()) {
            throw new InvalidSnapshotException(
                    where + ": expected an object with \"servers\", got " + describe(kamatera));
        }
        JsonNode servers = kamatera.get("servers");
        if (servers == null || servers.isNull()) {
            return List.of();
        }
        if (!servers.isArray()) {
            throw new InvalidSnapshotException(
                    where + ".servers: expected an array, got " + describe(servers));
        }
        List<SnapshotServer> out = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            JsonNode server = servers.get(i);
            String serverWhere = where + ".servers[" + i + "]";
            if (!server.isObject()) {
                throw new InvalidSnapshotException(
                        serverWhere + ": expected an object, got " + describe(server));
            }
            out.add(
                    new SnapshotServer(
                            requiredString(server, "name", serverWhere),
                            requiredString(server, "power", serverWhere),
                            tags(server.get("tags"), serverWhere)));
        }
        return out;
    }

    private static String requiredString(JsonNode object, String field, String where)
            throws InvalidSnapshotException {
        JsonNode value = object.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw new InvalidSnapshotException(
                    where + "." + field + ": expected a non-empty string, got " + describe(value));
        }
        return value.asString();
    }

    private static List<String> tags(JsonNode tags, String where) throws InvalidSnapshotException {
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new InvalidSnapshotException(
                    where + ".tags: expected an array of strings, got " + describe(tags));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isString()) {
                throw new InvalidSnapshotException(
                        where + ".tags[" + i + "]: expected a string, got " + describe(tag));
            }
            out.add(tag.asString());
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : "";
    }

    private static String name(JsonNode item) {
        JsonNode metadata = item.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return "?";
        }
        String namespace = text(metadata.get("namespace"));
        String name = text(metadata.get("name"));
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "the string \"" + node.asString() + "\"";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Jackson appends where an unclosed array or object started, in a form meant for its own logs.
     */
    private static String withoutSourceNote(String message) {
        if (message == null) {
            return "";
        }
        int note = message.indexOf(" (start marker at");
        if (note < 0) {
            note = message.indexOf(" at [Source");
        }
        return note < 0 ? message : message.substring(0, note);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JacksonException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
