package org.k8sca.app.snapshot;

import org.k8sca.app.simulate.SnapshotServer;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.CreateServerResult;
import org.k8sca.kamatera.api.Datacenter;
import org.k8sca.kamatera.api.KamateraApi;
import org.k8sca.kamatera.api.ServerCapabilities;
import org.k8sca.kamatera.api.ServerImage;
import org.k8sca.kamatera.api.ServerInfo;
import org.k8sca.kamatera.api.ServerSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KamateraApi} that passes every call on and remembers what the provider last learned
 * about servers: the last server list (name and power) and each server's tags from the tag calls.
 * Only names, power states and tags are kept, never credentials or create requests (which hold
 * passwords and init scripts). Thread-safe.
 */
public final class ServerListRecorder implements KamateraApi {

    private final KamateraApi api;
    private List<ServerSummary> lastList = List.of();
    private final Map<String, List<String>> tags = new LinkedHashMap<>();

    public ServerListRecorder(KamateraApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * The servers of the last list call, in its order, each with the tags last seen for it (none
     * when its tags were never read).
     */
    public synchronized List<SnapshotServer> servers() {
        List<SnapshotServer> out = new ArrayList<>();
        for (ServerSummary s : lastList) {
            out.add(
                    new SnapshotServer(
                            s.name(), s.power(), tags.getOrDefault(s.name(), List.of())));
        }
        return out;
    }

    @Override
    public List<ServerSummary> listServers(String namePrefix) {
        List<ServerSummary> list = api.listServers(namePrefix);
        synchronized (this) {
            lastList = List.copyOf(list);
        }
        return list;
    }

    @Override
    public Optional<ServerInfo> serverInfo(String serverName) {
        return api.serverInfo(serverName);
    }

    @Override
    public List<String> serverTags(String serverName) {
        return rememberTags(serverName, api.serverTags(serverName));
    }

    @Override
    public List<String> addServerTag(String serverName, String tag) {
        return rememberTags(serverName, api.addServerTag(serverName, tag));
    }

    @Override
    public List<String> removeServerTag(String serverName, String tag) {
        return rememberTags(serverName, api.removeServerTag(serverName, tag));
    }

    private List<String> rememberTags(String serverName, List<String> serverTags) {
        synchronized (this) {
            tags.put(serverName, List.copyOf(serverTags));
        }
        return serverTags;
    }

    @Override
    public CreateServerResult createServer(CreateServerRequest request) {
        return api.createServer(request);
    }

    @Override
    public String terminateServer(String serverName) {
        String command = api.terminateServer(serverName);
        synchronized (this) {
            tags.remove(serverName);
        }
        return command;
    }

    @Override
    public String powerOn(String serverName) {
        return api.powerOn(serverName);
    }

    @Override
    public String powerOff(String serverName) {
        return api.powerOff(serverName);
    }

    @Override
    public Map<String, CommandStatus> commandStatuses(Collection<String> commandIds) {
        return api.commandStatuses(commandIds);
    }

    @Override
    public List<Datacenter> datacenters() {
        return api.datacenters();
    }

    @Override
    public ServerCapabilities capabilities(String datacenter) {
        return api.capabilities(datacenter);
    }

    @Override
    public List<ServerImage> images(String datacenter) {
        return api.images(datacenter);
    }
}
