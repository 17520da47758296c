package io.gantry.core.network;

import java.util.List;

/**
 * A container's networking as persisted (one state file per container): enough to rebuild, refresh and undo it.
 *
 * @param ports          the published ports as bound while the container runs (host ports chosen); empty otherwise
 * @param requestedPorts the ports to publish at each start, as asked for (host port 0: choose one then)
 */
record ContainerNet(String containerId, String name, String hostname, NetworkMode mode, String netnsPath,
                    List<Endpoint> endpoints, List<PortBinding> ports, List<String> linkLines, List<String> linkEnv,
                    List<String> warnings, List<PortBinding> requestedPorts) {

    ContainerNet {
        endpoints = List.copyOf(endpoints);
        // state written before ports were published at start has none requested: what it bound is what it wants
        requestedPorts = requestedPorts == null ? List.copyOf(ports) : List.copyOf(requestedPorts);
        ports = List.copyOf(ports);
        linkLines = List.copyOf(linkLines);
        linkEnv = List.copyOf(linkEnv);
        warnings = List.copyOf(warnings);
    }

    ContainerNet withEndpoints(List<Endpoint> eps) {
        return new ContainerNet(containerId, name, hostname, mode, netnsPath, eps, ports, linkLines, linkEnv, warnings,
                requestedPorts);
    }

    ContainerNet withPorts(List<PortBinding> bound) {
        return new ContainerNet(containerId, name, hostname, mode, netnsPath, endpoints, bound, linkLines, linkEnv,
                warnings, requestedPorts);
    }
}
