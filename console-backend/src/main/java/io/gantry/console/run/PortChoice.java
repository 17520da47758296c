package io.gantry.console.run;

import io.gantry.console.template.Protocol;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A published port the user may move before running: the template's host port is the suggestion.
 *
 * @param containerPort as the template writes it (a parameter may still stand in it)
 * @param hostPort      the suggested host port, or null for one the engine chooses
 */
public record PortChoice(String service, String containerPort, Protocol protocol, @Nullable String hostPort) {

    public PortChoice {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(containerPort, "containerPort");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Identifies the port in a {@link RunRequest}: {@code wordpress 80/tcp}. */
    public String key() {
        return service + " " + containerPort + "/" + protocol.name().toLowerCase(Locale.ROOT);
    }
}
