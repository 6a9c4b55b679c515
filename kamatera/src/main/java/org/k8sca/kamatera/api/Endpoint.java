package org.k8sca.kamatera.api;

/**
 * The Kamatera API operations the autoscaler uses. The {@link #metricName()} is the stable label
 * used in logs, metrics and error messages; the path is relative to the base URL, without a leading
 * slash.
 */
public enum Endpoint {
    LIST_SERVERS("list_servers", "GET", "service/servers"),
    SERVER_INFO("server_info", "POST", "service/server/info"),
    /** Reading tags and adding or removing one: the same path, told apart by the body. */
    SERVER_TAGS("server_tags", "POST", "server/tags"),
    CREATE_SERVER("create_server", "POST", "service/server"),
    TERMINATE_SERVER("terminate_server", "POST", "service/server/terminate"),
    POWER_ON("power_on", "POST", "service/server/poweron"),
    POWER_OFF("power_off", "POST", "service/server/poweroff"),
    COMMAND_STATUS("command_status", "GET", "service/queue"),
    SERVER_OPTIONS("server_options", "GET", "service/server");

    private final String metricName;
    private final String method;
    private final String path;

    Endpoint(String metricName, String method, String path) {
        this.metricName = metricName;
        this.method = method;
        this.path = path;
    }

    public String metricName() {
        return metricName;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
