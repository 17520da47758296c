package io.gantry.core.network;

import java.util.List;

/** A container's networking as persisted (one state file per container): enough to rebuild, refresh and undo it. */
record ContainerNet(String containerId, String name, String hostname, NetworkMode mode, String netnsPath,
                    List<Endpoint> endpoints, List<PortBinding> ports, List<String> linkLines, List<String> linkEnv,
                    List<String> warnings) {

    ContainerNet {
        endpoints = List.copyOf(endpoints);
        ports = List.copyOf(ports);
        linkLines = List.copyOf(linkLines);
        linkEnv = List.copyOf(linkEnv);
        warnings = List.copyOf(warnings);
    }

    ContainerNet withEndpoints(List<Endpoint> eps) {
        return new ContainerNet(containerId, name, hostname, mode, netnsPath, eps, ports, linkLines, linkEnv, warnings);
    }
}
