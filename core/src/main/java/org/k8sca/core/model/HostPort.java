package org.k8sca.core.model;

/**
 * A host port a container asks for. Two host ports conflict when protocol and port are equal and
 * either IP is {@value #ANY_IP} or both IPs are equal.
 *
 * @param protocol TCP, UDP or SCTP (empty means TCP)
 * @param hostIp the host IP (empty means {@value #ANY_IP})
 * @param port the host port, 1..65535
 */
public record HostPort(String protocol, String hostIp, int port) {

    public static final String ANY_IP = "0.0.0.0";

    public HostPort {
        protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol.intern();
        hostIp = hostIp == null || hostIp.isEmpty() ? ANY_IP : hostIp.intern();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("host port " + port + " is out of range 1..65535");
        }
    }

    public static HostPort tcp(int port) {
        return new HostPort("TCP", ANY_IP, port);
    }

    public boolean conflictsWith(HostPort other) {
        return port == other.port
                && protocol.equals(other.protocol)
                && (hostIp.equals(ANY_IP)
                        || other.hostIp.equals(ANY_IP)
                        || hostIp.equals(other.hostIp));
    }
}
