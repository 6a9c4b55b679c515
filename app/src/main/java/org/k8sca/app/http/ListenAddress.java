package org.k8sca.app.http;

import java.net.InetSocketAddress;

/**
 * A Go-style listen address, as {@code --address} takes it: {@code :8085} (every interface), {@code
 * 127.0.0.1:8085}, {@code localhost:0} (any free port) or {@code [::1]:8085}.
 */
public record ListenAddress(String host, int port) {

    public ListenAddress {
        host = host == null ? "" : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--address: port must be 0-65535, got " + port);
        }
    }

    public static ListenAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--address must not be empty (e.g. :8085)");
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "--address '" + text + "' has no port (e.g. :8085 or 127.0.0.1:8085)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(
                    "--address '" + text + "': write IPv6 hosts in brackets, e.g. [::1]:8085");
        }
        String port = text.substring(colon + 1);
        try {
            return new ListenAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--address '" + text + "': port '" + port + "' is not a number");
        }
    }

    /** The socket address to bind; an empty host means every interface. */
    public InetSocketAddress socketAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
