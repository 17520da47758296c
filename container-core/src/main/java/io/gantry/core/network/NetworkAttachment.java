package io.gantry.core.network;

import java.util.List;

/**
 * What the runtime needs to start a container that {@link NetworkService#attach} has networked: the namespace to
 * join, the files to bind, the variables to add.
 *
 * @param containerId the container
 * @param mode        bridge, none or host
 * @param netnsPath   a bind-mounted network namespace handle for the shim to {@code setns} into (for host mode a handle
 *                    of the engine's own namespace)
 * @param endpoints   one per bridge network, {@code eth0} first
 * @param ports       the published ports as bound, host ports chosen where the request left them open
 * @param hostsFile   the generated {@code /etc/hosts}, to bind read-only (the engine rewrites it in place as peers come
 *                    and go, so bind the file, not a copy)
 * @param resolvConf  the generated {@code /etc/resolv.conf}
 * @param linkEnv     Docker's legacy link variables ({@code DB_1_PORT_3306_TCP_ADDR=…}), to put before the
 *                    container's own environment
 * @param warnings    what the user should hear about (no usable resolver on the host, …)
 */
public record NetworkAttachment(String containerId, NetworkMode mode, String netnsPath, List<Endpoint> endpoints,
                                List<PortBinding> ports, String hostsFile, String resolvConf, List<String> linkEnv,
                                List<String> warnings) {

    public NetworkAttachment {
        endpoints = List.copyOf(endpoints);
        ports = List.copyOf(ports);
        linkEnv = List.copyOf(linkEnv);
        warnings = List.copyOf(warnings);
    }

    /** The container's address on its first network, or empty for none and host modes. */
    public String ip() {
        return endpoints.isEmpty() ? "" : endpoints.get(0).ip();
    }
}
