package org.k8sca.app.snapshot;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import org.k8sca.app.simulate.SnapshotServer;
import org.k8sca.kube.view.ClusterObjectsBuilder;
import org.k8sca.kube.view.ClusterObjectsBuilder.SupportedKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the snapshot file {@code simulate} reads (docs/cli.md): {@code time}, the cluster objects
 * as a {@code v1 List} like {@code kubectl get -o json} prints, and the Kamatera servers with name,
 * power and tags.
 *
 * <p>Nothing secret goes out: the autoscaler watches no Secret, the Kamatera part has no
 * credentials or init scripts, and the two places a pod spec may carry a literal secret are
 * blanked: every {@code env[].value} becomes {@value #REDACTED} and the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation (a copy of the whole manifest) is
 * dropped. Neither is read by the autoscaler, so the replay is unchanged.
 */
public final class LiveSnapshot {

    public static final String REDACTED = "(redacted)";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<SupportedKind> KINDS =
            List.copyOf(ClusterObjectsBuilder.SUPPORTED_KINDS.values());

    private LiveSnapshot() {}

    /**
     * @param time the snapshot's "now"
     * @param objects the informers' fabric8 objects (not modified)
     * @param servers the Kamatera servers as last listed
     * @return the snapshot as pretty-printed JSON
     */
    public static String json(
            Instant time, List<? extends HasMetadata> objects, List<SnapshotServer> servers) {
        ObjectNode root = JSON.createObjectNode();
        root.put("time", time.toString());
        ObjectNode list = root.putObject("kubernetes");
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ArrayNode items = list.putArray("items");
        List<HasMetadata> sorted = new ArrayList<>(objects);
        sorted.sort(
                Comparator.comparingInt(LiveSnapshot::kindOrder)
                        .thenComparing(
                                o ->
                                        nullToEmpty(
                                                o.getMetadata() == null
                                                        ? null
                                                        : o.getMetadata().getNamespace()))
                        .thenComparing(
                                o ->
                                        nullToEmpty(
                                                o.getMetadata() == null
                                                        ? null
                                                        : o.getMetadata().getName())));
        for (HasMetadata o : sorted) {
            items.add(item(o));
        }
        ArrayNode serverArray = root.putObject("kamatera").putArray("servers");
        for (SnapshotServer s : servers) {
            ObjectNode server = serverArray.addObject();
            server.put("name", s.name());
            server.put("power", s.power());
            ArrayNode tags = server.putArray("tags");
            s.tags().forEach(tags::add);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static JsonNode item(HasMetadata object) {
        ObjectNode node = (ObjectNode) JSON.readTree(SERIALIZATION.asJson(object));
        // List items from a watch cache may lack kind and apiVersion; simulate needs both.
        for (SupportedKind k : KINDS) {
            if (k.type().isInstance(object)) {
                if (!node.hasNonNull("kind")) {
                    node.put("kind", k.kind());
                }
                if (!node.hasNonNull("apiVersion")) {
                    node.put("apiVersion", k.apiVersion());
                }
                break;
            }
        }
        redact(node);
        return node;
    }

    /** Blanks literal env values and drops the last-applied manifest, anywhere in the object. */
    static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode annotations = object.get("annotations");
            if (annotations instanceof ObjectNode a) {
                a.remove(LAST_APPLIED);
            }
            JsonNode env = object.get("env");
            if (env instanceof ArrayNode vars) {
                for (JsonNode v : vars) {
                    if (v instanceof ObjectNode var && var.has("value")) {
                        var.put("value", REDACTED);
                    }
                }
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                redact(e.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                redact(child);
            }
        }
    }

    private static int kindOrder(HasMetadata o) {
        for (int i = 0; i < KINDS.size(); i++) {
            if (KINDS.get(i).type().isInstance(o)) {
                return i;
            }
        }
        return KINDS.size();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
