package io.gantry.console.app;

import io.gantry.console.template.Protocol;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A container port of a service, published on the host when {@code hostPort} is given (or, without one, on a port
 * the engine chooses).
 *
 * @param hostIp   the host address to bind, or null for all
 * @param hostPort the host port, or null to let the engine choose
 */
public record ServicePort(@Nullable String hostIp, @Nullable Integer hostPort, int containerPort, Protocol protocol) {

    public ServicePort {
        Objects.requireNonNull(protocol, "protocol");
        check(containerPort, "container port");
        if (hostPort != null) {
            check(hostPort, "host port");
        }
    }

    public static ServicePort of(@Nullable Integer hostPort, int containerPort) {
        return new ServicePort(null, hostPort, containerPort, Protocol.TCP);
    }

    /** Docker's key of the container port: {@code 3306/tcp}. */
    public String dockerKey() {
        return containerPort + "/" + protocol.name().toLowerCase(Locale.ROOT);
    }

    private static void check(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the " + what + " " + port + " is out of range (1-65535)");
        }
    }
}
