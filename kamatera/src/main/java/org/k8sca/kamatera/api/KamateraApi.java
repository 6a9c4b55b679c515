package org.k8sca.kamatera.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kamatera API calls the cloud provider makes. Servers are addressed by their exact name (the
 * client escapes regular-expression characters, since the API treats names as anchored regexes).
 *
 * <p>Every method throws {@link KamateraApiException} on failure and nothing else. Each call has a
 * deadline that bounds its total time including retries; an interrupted thread ends the call at
 * once with {@link KamateraApiException.Kind#CANCELLED}. Which calls are retried is documented on
 * the implementation ({@code org.k8sca.kamatera.api.http.KamateraHttpApi}).
 */
public interface KamateraApi {

    /**
     * Lists the servers of the account ({@code GET /service/servers}) whose names start with {@code
     * namePrefix} (empty: all), in API order. Like upstream, every element must be an object with a
     * string {@code name}; {@code power} must be a string for the servers kept.
     */
    List<ServerSummary> listServers(String namePrefix);

    /**
     * Details of the server with exactly this name ({@code POST /service/server/info}), or empty
     * when there is none. Used to find out whether an ambiguous create made the server after all.
     */
    Optional<ServerInfo> serverInfo(String serverName);

    /** The tag names of one server ({@code POST /server/tags}), in API order; empty when none. */
    List<String> serverTags(String serverName);

    /** Adds a tag to one server and returns its tags after the change. */
    List<String> addServerTag(String serverName, String tag);

    /** Removes a tag from one server and returns its tags after the change. */
    List<String> removeServerTag(String serverName, String tag);

    /** Starts creating one server ({@code POST /service/server}); never retried. */
    CreateServerResult createServer(CreateServerRequest request);

    /**
     * Starts terminating a server, even if powered on ({@code force: true}); returns the command
     * id.
     */
    String terminateServer(String serverName);

    /** Starts powering a server on; returns the command id. */
    String powerOn(String serverName);

    /** Starts powering a server off; returns the command id. */
    String powerOff(String serverName);

    /**
     * The status of several queue commands, asked in as few requests as possible ({@code GET
     * /service/queue?id=a%20b}). The map has one entry per distinct id, in the order given.
     */
    Map<String, CommandStatus> commandStatuses(Collection<String> commandIds);

    /** Datacenters of the account ({@code GET /service/server?datacenter=1}). */
    List<Datacenter> datacenters();

    /** CPU types, RAM and disk sizes of one datacenter ({@code ?capabilities=1&datacenter=DC}). */
    ServerCapabilities capabilities(String datacenter);

    /** Disk images of one datacenter ({@code ?images=1&datacenter=DC}). */
    List<ServerImage> images(String datacenter);
}
