package org.k8sca.kamatera.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server listing of a refresh: one server list, then tags only for servers whose tags are not
 * already known. As upstream, a failing tags call fails the whole listing, because a server without
 * its tags cannot be assigned to a node group.
 */
public final class ServerLister {

    private final KamateraApi api;

    public ServerLister(KamateraApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Lists servers whose name starts with {@code namePrefix} (empty: all), with their tags.
     *
     * @param knownTags the tags the caller already has for a server name, or empty to fetch them
     * @throws KamateraApiException when the list or any tags call fails
     */
    public List<ServerWithTags> list(
            String namePrefix, Function<String, Optional<List<String>>> knownTags) {
        List<ServerWithTags> result = new ArrayList<>();
        for (ServerSummary server : api.listServers(namePrefix)) {
            Optional<List<String>> cached = knownTags.apply(server.name());
            List<String> tags = cached.isPresent() ? cached.get() : api.serverTags(server.name());
            result.add(new ServerWithTags(server, tags));
        }
        return result;
    }
}
