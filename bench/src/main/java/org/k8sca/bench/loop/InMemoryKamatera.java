package org.k8sca.bench.loop;

import org.k8sca.kamatera.api.CommandState;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.Datacenter;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.Secret;
import org.k8sca.kamatera.api.ServerCapabilities;
import org.k8sca.kamatera.api.ServerImage;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerSummary;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kamatera account in memory, for the loop benchmark: no HTTP, and every command (create, power,
 * terminate) completes the moment it is asked, so the provider sees it done at its next refresh.
 * Calls are counted per endpoint. {@link #reset} puts the account back to a list of servers, so
 * every measured loop starts from the same account.
 *
 * <p>Not thread-safe: the loop is the only caller.
 */
public final class InMemoryKamatera implements KamateraApi {

    /** One server: its name, whether it is on, and its tags. */
    public record Server(String name, boolean poweredOn, List<String> tags) {
        public Server {
            tags = List.copyOf(tags);
        }
    }

    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<Endpoint, Integer> calls = new EnumMap<>(Endpoint.class);
    private long nextCommand;

    public InMemoryKamatera(List<Server> initial) {
        reset(initial);
    }

    /** Back to exactly these servers; the call counts start again from zero. */
    public void reset(List<Server> initial) {
        servers.clear();
        for (Server s : initial) {
            servers.put(s.name(), s);
        }
        calls.clear();
    }

    /** Forgets the calls counted so far. */
    public void clearCalls() {
        calls.clear();
    }

    /** Calls per endpoint since the last {@link #reset} or {@link #clearCalls}. */
    public Map<Endpoint, Integer> calls() {
        return Map.copyOf(calls);
    }

    @Override
    public List<ServerSummary> listServers(String namePrefix) {
        count(Endpoint.LIST_SERVERS);
        String prefix = namePrefix == null ? "" : namePrefix;
        return servers.values().stream()
                .filter(s -> s.name().startsWith(prefix))
                .map(s -> new ServerSummary(null, s.name(), "EU", s.poweredOn() ? "on" : "off"))
                .toList();
    }

    @Override
    public Optional<ServerInfo> serverInfo(String serverName) {
        count(Endpoint.SERVER_INFO);
        Server s = servers.get(serverName);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ServerInfo(
                        null,
                        s.name(),
                        "EU",
                        s.poweredOn() ? "on" : "off",
                        null,
                        0,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null));
    }

    @Override
    public List<String> serverTags(String serverName) {
        count(Endpoint.SERVER_TAGS);
        return require(serverName, Endpoint.SERVER_TAGS).tags();
    }

    @Override
    public List<String> addServerTag(String serverName, String tag) {
        count(Endpoint.SERVER_TAGS);
        Server s = require(serverName, Endpoint.SERVER_TAGS);
        List<String> tags = new java.util.ArrayList<>(s.tags());
        if (!tags.contains(tag)) {
            tags.add(tag);
        }
        servers.put(serverName, new Server(serverName, s.poweredOn(), tags));
        return List.copyOf(tags);
    }

    @Override
    public List<String> removeServerTag(String serverName, String tag) {
        count(Endpoint.SERVER_TAGS);
        Server s = require(serverName, Endpoint.SERVER_TAGS);
        List<String> tags = new java.util.ArrayList<>(s.tags());
        tags.remove(tag);
        servers.put(serverName, new Server(serverName, s.poweredOn(), tags));
        return List.copyOf(tags);
    }

    @Override
    public CreateServerResult createServer(CreateServerRequest request) {
        count(Endpoint.CREATE_SERVER);
        servers.put(request.name(), new Server(request.name(), true, request.tags()));
        return new CreateServerResult(request.name(), command(), Secret.empty());
    }

    @Override
    public String terminateServer(String serverName) {
        count(Endpoint.TERMINATE_SERVER);
        require(serverName, Endpoint.TERMINATE_SERVER);
        servers.remove(serverName);
        return command();
    }

    @Override
    public String powerOn(String serverName) {
        count(Endpoint.POWER_ON);
        setPower(require(serverName, Endpoint.POWER_ON), true);
        return command();
    }

    @Override
    public String powerOff(String serverName) {
        count(Endpoint.POWER_OFF);
        setPower(require(serverName, Endpoint.POWER_OFF), false);
        return command();
    }

    /** Every command completed when it was started. */
    @Override
    public Map<String, CommandStatus> commandStatuses(Collection<String> commandIds) {
        count(Endpoint.COMMAND_STATUS);
        Map<String, CommandStatus> out = new LinkedHashMap<>();
        for (String id : commandIds) {
            out.put(id, new CommandStatus(id, CommandState.COMPLETE, "complete", ""));
        }
        return out;
    }

    @Override
    public List<Datacenter> datacenters() {
        throw unsupported("datacenters");
    }

    @Override
    public ServerCapabilities capabilities(String datacenter) {
        throw unsupported("capabilities");
    }

    @Override
    public List<ServerImage> images(String datacenter) {
        throw unsupported("images");
    }

    private void setPower(Server s, boolean on) {
        servers.put(s.name(), new Server(s.name(), on, s.tags()));
    }

    private Server require(String name, Endpoint endpoint) {
        Server s = servers.get(name);
        if (s == null) {
            throw KamateraApiException.of(
                    KamateraApiException.Kind.INVALID_REQUEST,
                    endpoint,
                    "no server named " + name + " in the in-memory account",
                    false);
        }
        return s;
    }

    private String command() {
        return "cmd-" + ++nextCommand;
    }

    private void count(Endpoint e) {
        calls.merge(e, 1, Integer::sum);
    }

    private static KamateraApiException unsupported(String what) {
        return KamateraApiException.of(
                KamateraApiException.Kind.INVALID_REQUEST,
                Endpoint.SERVER_OPTIONS,
                "the in-memory account has no " + what,
                false);
    }
}
