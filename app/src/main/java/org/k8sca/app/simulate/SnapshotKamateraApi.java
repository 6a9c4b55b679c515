package org.k8sca.app.simulate;

import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.Datacenter;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.KamateraApiException;
import org.k8sca.kamatera.api.ServerCapabilities;
import org.k8sca.kamatera.api.ServerImage;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kamatera API as a snapshot recorded it: it lists the snapshot's servers and their tags, and
 * refuses everything else. {@code simulate} never changes anything, so every create, power change,
 * termination or tag change is refused with {@link KamateraApiException.Kind#INVALID_REQUEST} and
 * remembered in {@link #refusedCalls()}, for the report. Datacenter, image and capability lists are
 * not part of a snapshot and are refused too.
 */
public final class SnapshotKamateraApi implements KamateraApi {

    private final Map<String, SnapshotServer> servers = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();

    /**
     * @param servers the snapshot's servers; the first of several with one name wins
     */
    public SnapshotKamateraApi(List<SnapshotServer> servers) {
        for (SnapshotServer s : servers) {
            this.servers.putIfAbsent(s.name(), s);
        }
    }

    /** The mutating calls refused so far, e.g. {@code power_off ng1-abc}, in call order. */
    public synchronized List<String> refusedCalls() {
        return List.copyOf(refused);
    }

    @Override
    public List<ServerSummary> listServers(String namePrefix) {
        String prefix = namePrefix == null ? "" : namePrefix;
        List<ServerSummary> out = new ArrayList<>();
        for (SnapshotServer s : servers.values()) {
            if (s.name().startsWith(prefix)) {
                out.add(new ServerSummary(null, s.name(), null, s.power()));
            }
        }
        return out;
    }

    @Override
    public Optional<ServerInfo> serverInfo(String serverName) {
        SnapshotServer s = servers.get(serverName);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ServerInfo(
                        null, s.name(), null, s.power(), null, 0, List.of(), List.of(), null, null,
                        null, null));
    }

    @Override
    public List<String> serverTags(String serverName) {
        SnapshotServer s = servers.get(serverName);
        if (s == null) {
            throw KamateraApiException.of(
                    KamateraApiException.Kind.INVALID_REQUEST,
                    Endpoint.SERVER_TAGS,
                    "server " + serverName + " is not in the snapshot",
                    false);
        }
        return s.tags();
    }

    @Override
    public List<String> addServerTag(String serverName, String tag) {
        throw refuse(Endpoint.SERVER_TAGS, "add tag " + tag + " to " + serverName);
    }

    @Override
    public List<String> removeServerTag(String serverName, String tag) {
        throw refuse(Endpoint.SERVER_TAGS, "remove tag " + tag + " from " + serverName);
    }

    @Override
    public CreateServerResult createServer(CreateServerRequest request) {
        // Only the name: the request carries the password and the init script.
        throw refuse(Endpoint.CREATE_SERVER, "create " + request.name());
    }

    @Override
    public String terminateServer(String serverName) {
        throw refuse(Endpoint.TERMINATE_SERVER, "terminate " + serverName);
    }

    @Override
    public String powerOn(String serverName) {
        throw refuse(Endpoint.POWER_ON, "power on " + serverName);
    }

    @Override
    public String powerOff(String serverName) {
        throw refuse(Endpoint.POWER_OFF, "power off " + serverName);
    }

    /** No command is ever started here, so there is none to report on. */
    @Override
    public Map<String, CommandStatus> commandStatuses(Collection<String> commandIds) {
        if (commandIds.isEmpty()) {
            return Collections.emptyMap();
        }
        throw KamateraApiException.of(
                KamateraApiException.Kind.INVALID_REQUEST,
                Endpoint.COMMAND_STATUS,
                "simulate started no commands, asked for " + commandIds,
                false);
    }

    @Override
    public List<Datacenter> datacenters() {
        throw notRecorded();
    }

    @Override
    public ServerCapabilities capabilities(String datacenter) {
        throw notRecorded();
    }

    @Override
    public List<ServerImage> images(String datacenter) {
        throw notRecorded();
    }

    private synchronized KamateraApiException refuse(Endpoint endpoint, String what) {
        refused.add(what);
        return KamateraApiException.of(
                KamateraApiException.Kind.INVALID_REQUEST,
                endpoint,
                "simulate never changes servers: refused to " + what,
                false);
    }

    private static KamateraApiException notRecorded() {
        return KamateraApiException.of(
                KamateraApiException.Kind.INVALID_REQUEST,
                Endpoint.SERVER_OPTIONS,
                "server options are not part of a snapshot",
                false);
    }
}
