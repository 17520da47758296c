package io.gantry.console.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exactly what the engine is asked to create for one service: the Docker-level settings of its container. The
 * wiring translates it to a container create request (Config, HostConfig, NetworkingConfig) and nothing else.
 *
 * @param service         the service it runs
 * @param name            the container name, {@code <slug>-<service>}
 * @param environment     the service's own variables, {@code NAME=value}
 * @param linkEnvironment the legacy link variables that give addresses ({@code DB_PORT_3306_TCP_ADDR=db},
 *                        {@code DB_NAME=/app-web/db}), computed by the console
 * @param linkedEnvironment the legacy copies of each link target's variables ({@code DB_ENV_MYSQL_DATABASE=wp});
 *                        kept apart because, as with Docker, they are taken when the container is made: a target's
 *                        changed variables do not recreate the services that link to it
 * @param exposedPorts    Docker keys ({@code 3306/tcp}) of every port the container exposes
 * @param network         the application's network, or the service's network mode ({@code host}, {@code none},
 *                        {@code bridge})
 * @param networkAliases  the names under which the others find it on the application's network: its service name
 *                        and every alias other services link to it by; empty off the application's network
 * @param volumesFrom     container names whose volumes it mounts
 * @param restart         the restart policy, or null for the engine's default
 * @param memoryBytes     {@code HostConfig.Memory}, or null
 * @param nanoCpus        {@code HostConfig.NanoCpus}, or null
 * @param labels          {@code io.gantry.app=<id>} and {@code io.gantry.service=<service>}, on every container
 */
public record ContainerSettings(String service, String name, String image, List<String> command,
                                List<String> entrypoint, List<String> environment, List<String> linkEnvironment,
                                List<String> linkedEnvironment, List<String> exposedPorts, List<ServicePort> ports,
                                List<VolumeBinding> volumes, List<String> volumesFrom, String network,
                                List<String> networkAliases, @Nullable RestartPolicy restart,
                                @Nullable Long memoryBytes, @Nullable Long nanoCpus, boolean privileged,
                                List<String> capAdd, Map<String, String> labels) {

    public static final String APP_LABEL = "io.gantry.app";
    public static final String SERVICE_LABEL = "io.gantry.service";

    public ContainerSettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        environment = List.copyOf(environment);
        linkEnvironment = List.copyOf(linkEnvironment);
        linkedEnvironment = List.copyOf(linkedEnvironment);
        exposedPorts = List.copyOf(exposedPorts);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        volumesFrom = List.copyOf(volumesFrom);
        Objects.requireNonNull(network, "network");
        networkAliases = List.copyOf(networkAliases);
        capAdd = List.copyOf(capAdd);
        labels = Map.copyOf(labels);
    }

    /**
     * The container's {@code Config.Env}: link variables first, then the service's own, which win over a link
     * variable of the same name (as Docker lets {@code -e} win over {@code --link}).
     */
    public List<String> env() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (List<String> part : List.of(linkedEnvironment, linkEnvironment, environment)) {
            for (String entry : part) {
                int eq = entry.indexOf('=');
                byName.remove(entry.substring(0, eq));
                byName.put(entry.substring(0, eq), entry);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** Whether the application's network is the one this container joins (not host, none or bridge). */
    public boolean onApplicationNetwork() {
        return !networkAliases.isEmpty();
    }

    /**
     * These settings with what can change without recreating the container left out: network aliases (changed by
     * reconnecting) and copies of linked variables. Two services need no recreation when these are equal.
     */
    ContainerSettings recreateKey() {
        return new ContainerSettings(service, name, image, command, entrypoint, environment, linkEnvironment,
                List.of(), exposedPorts, ports, volumes, volumesFrom, network, List.of(), restart, memoryBytes,
                nanoCpus, privileged, capAdd, labels);
    }
}
