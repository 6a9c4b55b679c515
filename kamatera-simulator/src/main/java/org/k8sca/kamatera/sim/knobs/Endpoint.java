package org.k8sca.kamatera.sim.knobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The simulated cloudcli endpoints (E1–E9 of the API spec §6.1). Fault knobs are set per endpoint.
 *
 * <p>{@code commandMethod} is the cloudcli-server PHP handler name that appears in {@code "Failed
 * to run command method (<method>)"}. Known from observed errors: createServer, serverTags,
 * serversInfo, terminateServer; the others are guesses.
 */
public enum Endpoint {
    ROOT("GET", "/", "root"),
    SCHEMA("GET", "/schema", "schema"),
    LIST_SERVERS("GET", "/service/servers", "serversList"),
    SERVER_INFO("POST", "/service/server/info", "serversInfo"),
    CREATE_SERVER("POST", "/service/server", "createServer"),
    SERVER_OPTIONS("GET", "/service/server", "serverOptions"),
    TERMINATE("POST", "/service/server/terminate", "terminateServer"),
    POWER_ON("POST", "/service/server/poweron", "powerServer"),
    POWER_OFF("POST", "/service/server/poweroff", "powerServer"),
    REBOOT("POST", "/service/server/reboot", "powerServer"),
    TAGS("POST", "/server/tags", "serverTags"),
    QUEUE("GET", "/service/queue", "queueDetail");

    private final String method;
    private final String path;
    private final String commandMethod;

    Endpoint(String method, String path, String commandMethod) {
        this.method = method;
        this.path = path;
        this.commandMethod = commandMethod;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String commandMethod() {
        return commandMethod;
    }

    /** The name used on the command line, e.g. {@code server-info}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a command-line name such as {@code create-server} (case-insensitive). */
    public static Endpoint fromCliName(String name) {
        for (Endpoint e : values()) {
            if (e.cliName().equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException(
                "unknown endpoint '"
                        + name
                        + "'; expected one of "
                        + Arrays.stream(values())
                                .map(Endpoint::cliName)
                                .collect(Collectors.joining(", ")));
    }
}
