package io.gantry.console.template;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container port, optionally published on a host port (and host interface). Ports are kept as text because a
 * template may write {@code ${WEB_PORT:-8080}} until its parameters are applied; {@link TemplateValidator} checks
 * the numbers.
 *
 * @param hostInterface the host address to bind, or null for all
 * @param hostPort      the host port, or null to let the engine choose one
 */
public record PortMapping(@Nullable String hostInterface, @Nullable String hostPort, String containerPort,
                          Protocol protocol, Origin origin) {

    public PortMapping {
        Objects.requireNonNull(containerPort, "containerPort");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(origin, "origin");
    }

    public static PortMapping of(@Nullable Integer hostPort, int containerPort, Protocol protocol) {
        return new PortMapping(null, hostPort == null ? null : hostPort.toString(), Integer.toString(containerPort),
                protocol, Origin.none());
    }

    /** The host port as a number, when one is given and is a number. */
    public Optional<Integer> hostPortNumber() {
        return number(hostPort);
    }

    public Optional<Integer> containerPortNumber() {
        return number(containerPort);
    }

    static Optional<Integer> number(@Nullable String text) {
        if (text == null || !text.trim().matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text.trim()));
    }
}
