package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;

/**
 * A published port: traffic to {@code hostIp:hostPort} goes to the container's {@code containerPort}.
 *
 * @param hostIp        the host address to listen on; {@code 0.0.0.0} means every local address
 * @param hostPort      the host port; 0 in a request means "choose a free one" (the attachment reports the choice)
 * @param containerPort the port inside the container
 * @param protocol      tcp or udp
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, Protocol protocol) {

    public static final String ANY = "0.0.0.0";

    public PortBinding {
        Ipv4Subnet.parseAddress(hostIp);
        if (hostPort < 0 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new InvalidArgumentException("port out of range in " + hostIp + ":" + hostPort + ":" + containerPort);
        }
    }

    /**
     * Parses Docker's {@code -p} forms: {@code [host_ip:][host_port:]container_port[/proto]}, where an empty host port
     * ({@code 127.0.0.1::80}) or a missing one means "choose".
     */
    public static PortBinding parse(String spec) {
        String rest = spec;
        Protocol proto = Protocol.TCP;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            proto = Protocol.parse(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        String[] parts = rest.split(":", -1);
        try {
            return switch (parts.length) {
                case 1 -> new PortBinding(ANY, 0, Integer.parseInt(parts[0]), proto);
                case 2 -> new PortBinding(ANY, port(parts[0]), Integer.parseInt(parts[1]), proto);
                case 3 -> new PortBinding(parts[0].isEmpty() ? ANY : parts[0], port(parts[1]),
                        Integer.parseInt(parts[2]), proto);
                default -> throw new InvalidArgumentException("invalid port spec " + spec);
            };
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid port spec " + spec, e);
        }
    }

    private static int port(String s) {
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }

    public boolean anyAddress() {
        return hostIp.equals(ANY);
    }

    /** Whether both would receive the same packets: same protocol and port, and addresses that overlap. */
    public boolean clashesWith(PortBinding other) {
        return protocol == other.protocol && hostPort == other.hostPort
                && (anyAddress() || other.anyAddress() || hostIp.equals(other.hostIp));
    }

    public PortBinding withHostPort(int port) {
        return new PortBinding(hostIp, port, containerPort, protocol);
    }

    @Override
    public String toString() {
        return hostIp + ":" + hostPort + ":" + containerPort + "/" + protocol.wire();
    }
}
