package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.CommandState;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CpuType;
import org.k8sca.kamatera.api.Datacenter;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.ServerCapabilities;
import org.k8sca.kamatera.api.ServerImage;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerNetwork;
import org.k8sca.kamatera.api.ServerSummary;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the shape of accepted (HTTP 200) bodies and turns them into records. A wrong shape is an
 * {@link KamateraApiException.Kind#INVALID_RESPONSE} with upstream's wording ("invalid response
 * from Kamatera servers API: [1 2]"); the dump is redacted by the caller's {@link Redactor}.
 */
final class ResponseReaders {

    private final Redactor redactor;

    ResponseReaders(Redactor redactor) {
        this.redactor = redactor;
    }

    /** The server list: every element an object with a string name; power a string where kept. */
    List<ServerSummary> servers(JsonNode body, String namePrefix) {
        if (!body.isArray()) {
            throw invalid(Endpoint.LIST_SERVERS, "servers API", body, false);
        }
        List<ServerSummary> servers = new ArrayList<>();
        for (JsonNode element : body) {
            if (!element.isObject() || !isString(element.get("name"))) {
                throw invalid(Endpoint.LIST_SERVERS, "servers API", body, false);
            }
            String name = element.get("name").stringValue();
            if (!namePrefix.isEmpty() && !name.startsWith(namePrefix)) {
                continue;
            }
            if (!isString(element.get("power"))) {
                throw invalid(Endpoint.LIST_SERVERS, "servers API", body, false);
            }
            servers.add(
                    new ServerSummary(
                            optString(element, "id"),
                            name,
                            optString(element, "datacenter"),
                            element.get("power").stringValue()));
        }
        return servers;
    }

    /** Tag names, from {@code tagName} or the pre-2024 key {@code tag name}. */
    List<String> tags(JsonNode body) {
        if (!body.isArray()) {
            throw invalid(Endpoint.SERVER_TAGS, "server tags API", body, false);
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode element : body) {
            JsonNode tag =
                    element.isObject()
                            ? (element.has("tagName")
                                    ? element.get("tagName")
                                    : element.get("tag name"))
                            : null;
            if (!isString(tag)) {
                throw invalid(Endpoint.SERVER_TAGS, "server tags API", body, false);
            }
            tags.add(tag.stringValue());
        }
        return tags;
    }

    /** The info element whose name is exactly {@code serverName}, if any. */
    Optional<ServerInfo> serverInfo(JsonNode body, String serverName) {
        if (!body.isArray()) {
            throw invalid(Endpoint.SERVER_INFO, "server info API", body, false);
        }
        for (JsonNode element : body) {
            if (!element.isObject() || !isString(element.get("name"))) {
                throw invalid(Endpoint.SERVER_INFO, "server info API", body, false);
            }
            if (element.get("name").stringValue().equals(serverName)) {
                return Optional.of(info(element));
            }
        }
        return Optional.empty();
    }

    private static ServerInfo info(JsonNode element) {
        List<ServerNetwork> networks = new ArrayList<>();
        for (JsonNode network : element.path("networks")) {
            List<String> ips = new ArrayList<>();
            for (JsonNode ip : network.path("ips")) {
                if (ip.isString()) {
                    ips.add(ip.stringValue());
                }
            }
            networks.add(new ServerNetwork(optString(network, "network"), ips));
        }
        JsonNode ram = element.get("ram");
        long ramMb =
                ram == null
                        ? 0
                        : ram.isNumber()
                                ? ram.longValue()
                                : ram.isString() ? parseLong(ram.stringValue()) : 0;
        return new ServerInfo(
                optString(element, "id"),
                element.get("name").stringValue(),
                optString(element, "datacenter"),
                optString(element, "power"),
                optString(element, "cpu"),
                ramMb,
                numbers(element.path("diskSizes")),
                networks,
                optString(element, "billing"),
                optString(element, "traffic"),
                optString(element, "managed"),
                optString(element, "backup"));
    }

    /** The one command id of a single-server terminate or power call. */
    String commandId(JsonNode body, Endpoint endpoint, String apiName) {
        return CommandIds.extract(body).orElseThrow(() -> invalid(endpoint, apiName, body, true));
    }

    /**
     * Queue entries for the ids asked, in that order. Entries are matched by their {@code id} when
     * every entry has one, else by position; the count must match.
     */
    List<CommandStatus> commandStatuses(JsonNode body, List<String> ids) {
        if (!body.isArray() || body.size() != ids.size()) {
            throw invalidQueue(body);
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode element : body) {
            if (!element.isObject()) {
                throw invalidQueue(body);
            }
            Optional<String> id = CommandIds.extract(element.get("id"));
            if (id.isEmpty()) {
                byId = null;
                break;
            }
            byId.put(id.get(), element);
        }
        if (byId != null && !byId.keySet().containsAll(ids)) {
            byId = null;
        }
        List<CommandStatus> statuses = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            JsonNode element = byId != null ? byId.get(id) : body.get(i);
            statuses.add(commandStatus(id, element, body));
        }
        return statuses;
    }

    private CommandStatus commandStatus(String id, JsonNode element, JsonNode body) {
        if (!element.isObject()) {
            throw invalidQueue(body);
        }
        JsonNode status = element.get("status");
        if (status != null && !status.isNull() && !status.isString()) {
            throw invalidQueue(body);
        }
        String raw = status == null || status.isNull() ? null : status.stringValue();
        JsonNode log = element.get("log");
        String logText =
                log == null || log.isNull()
                        ? null
                        : log.isString() ? log.stringValue() : log.toString();
        return new CommandStatus(id, stateOf(raw), raw, logText);
    }

    /**
     * {@code complete}, {@code error} and {@code cancelled} are terminal; everything else,
     * including no status and statuses we do not know, is still pending (upstream kept cancelled
     * pending forever).
     */
    static CommandState stateOf(String status) {
        if (status == null) {
            return CommandState.PENDING;
        }
        return switch (status) {
            case "complete" -> CommandState.COMPLETE;
            case "error" -> CommandState.ERROR;
            case "cancelled", "canceled" -> CommandState.CANCELLED;
            default -> CommandState.PENDING;
        };
    }

    private KamateraApiException invalidQueue(JsonNode body) {
        return invalid(Endpoint.COMMAND_STATUS, "command status API", body, false);
    }

    List<Datacenter> datacenters(JsonNode body) {
        if (!body.isArray()) {
            throw invalid(Endpoint.SERVER_OPTIONS, "server options API", body, false);
        }
        List<Datacenter> result = new ArrayList<>();
        for (JsonNode element : body) {
            if (!element.isObject() || !isString(element.get("id"))) {
                throw invalid(Endpoint.SERVER_OPTIONS, "server options API", body, false);
            }
            result.add(
                    new Datacenter(
                            element.get("id").stringValue(),
                            optString(element, "name"),
                            optString(element, "category"),
                            optString(element, "subCategory")));
        }
        return result;
    }

    ServerCapabilities capabilities(JsonNode body) {
        if (!body.isObject() || !body.path("cpuTypes").isArray()) {
            throw invalid(Endpoint.SERVER_OPTIONS, "server options API", body, false);
        }
        List<CpuType> cpuTypes = new ArrayList<>();
        for (JsonNode type : body.get("cpuTypes")) {
            if (!type.isObject() || !isString(type.get("id"))) {
                throw invalid(Endpoint.SERVER_OPTIONS, "server options API", body, false);
            }
            cpuTypes.add(
                    new CpuType(
                            type.get("id").stringValue(),
                            optString(type, "name"),
                            numbers(type.path("cpuCores")),
                            numbers(type.path("ramMB"))));
        }
        Map<String, String> packages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.path("monthlyTrafficPackage").properties()) {
            JsonNode text = entry.getValue();
            packages.put(entry.getKey(), text.isString() ? text.stringValue() : text.toString());
        }
        return new ServerCapabilities(
                cpuTypes,
                numbers(body.path("diskSizeGB")),
                packages,
                optString(body, "defaultMonthlyTrafficPackage"));
    }

    List<ServerImage> images(JsonNode body) {
        if (!body.isArray()) {
            throw invalid(Endpoint.SERVER_OPTIONS, "server options API", body, false);
        }
        List<ServerImage> result = new ArrayList<>();
        for (JsonNode element : body) {
            if (!element.isObject() || !isString(element.get("id"))) {
                throw invalid(Endpoint.SERVER_OPTIONS, "server options API", body, false);
            }
            result.add(
                    new ServerImage(
                            optString(element, "datacenter"),
                            element.get("id").stringValue(),
                            optString(element, "os"),
                            optString(element, "name"),
                            optString(element, "code")));
        }
        return result;
    }

    KamateraApiException invalid(
            Endpoint endpoint, String apiName, JsonNode body, boolean processed) {
        return invalidWithPrefix(
                endpoint, "invalid response from Kamatera " + apiName + ": ", body, processed);
    }

    KamateraApiException invalidWithPrefix(
            Endpoint endpoint, String prefix, JsonNode body, boolean processed) {
        return new KamateraApiException(
                KamateraApiException.Kind.INVALID_RESPONSE,
                endpoint,
                prefix + GoFormat.dump(redactor.tree(body)),
                200,
                null,
                processed,
                0,
                null);
    }

    private static boolean isString(JsonNode node) {
        return node != null && node.isString();
    }

    private static String optString(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static List<Long> numbers(JsonNode array) {
        List<Long> result = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isNumber()) {
                result.add(element.longValue());
            } else if (element.isString()) {
                long parsed = parseLong(element.stringValue());
                if (parsed > 0) {
                    result.add(parsed);
                }
            }
        }
        return result;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
