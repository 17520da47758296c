package io.gantry.core.network;

import io.gantry.core.errors.ConflictException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;

/**
 * Checks a host port against the host's own sockets by binding it for a moment (what Docker's proxy would do, without
 * keeping it), and picks a free one when a request leaves the port open.
 */
final class HostPorts {

    private HostPorts() {
    }

    /** Fails with a clear {@link ConflictException} when a host process holds the address and port. */
    static void requireFree(PortBinding p) {
        if (!canBind(p.hostIp(), p.hostPort(), p.protocol())) {
            throw new ConflictException("publish " + p + ": host port " + p.hostIp() + ":" + p.hostPort() + "/"
                    + p.protocol().wire() + " is already in use by a process on the host");
        }
    }

    /** A port that no host socket and none of {@code taken} uses. */
    static int pickFree(PortBinding p, Collection<PortBinding> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ephemeral(p.hostIp(), p.protocol());
            PortBinding candidate = p.withHostPort(port);
            if (taken.stream().noneMatch(candidate::clashesWith)) {
                return port;
            }
        }
        throw new ConflictException("publish " + p + ": no free host port found");
    }

    private static int ephemeral(String ip, Protocol proto) {
        try {
            if (proto == Protocol.TCP) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(ip, 0));
                    return s.getLocalPort();
                }
            }
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip, 0))) {
                return s.getLocalPort();
            }
        } catch (IOException e) {
            throw new ConflictException("publish on " + ip + ": cannot bind there: " + e.getMessage(), e);
        }
    }

    static boolean canBind(String ip, int port, Protocol proto) {
        try {
            if (proto == Protocol.TCP) {
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(true); // TIME_WAIT leftovers are no conflict; listeners are
                    s.bind(new InetSocketAddress(ip, port));
                }
            } else {
                try (DatagramSocket s = new DatagramSocket(null)) {
                    s.bind(new InetSocketAddress(ip, port));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
