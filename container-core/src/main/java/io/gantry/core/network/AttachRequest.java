package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/**
 * How to network one container: what {@code docker run --network --network-alias -p --link --hostname} ask for.
 *
 * @param containerId   the container's ID (hex)
 * @param containerName its name without a leading slash; peers resolve it by this name
 * @param hostname      its hostname, written into its own {@code /etc/hosts}
 * @param mode          bridge, none or host
 * @param network       for bridge mode the network's name ({@link Network#DEFAULT_NAME} for the default bridge)
 * @param aliases       extra names on that network (user-defined networks only, as Docker)
 * @param ports         ports to publish (bridge mode only)
 * @param links         legacy links, whose targets are attached to the same network
 */
public record AttachRequest(String containerId, String containerName, String hostname, NetworkMode mode,
                            String network, List<String> aliases, List<PortBinding> ports, List<LinkRequest> links) {

    public AttachRequest {
        aliases = List.copyOf(aliases);
        ports = List.copyOf(ports);
        links = List.copyOf(links);
        if (!containerId.matches("[0-9a-f]{12,64}")) {
            throw new InvalidArgumentException("invalid container ID " + containerId);
        }
        if (mode != NetworkMode.BRIDGE && (!ports.isEmpty() || !links.isEmpty())) {
            throw new InvalidArgumentException("published ports and links need a bridge network, not " + mode);
        }
    }

    /** A container on the default bridge with no ports, aliases or links. */
    public static AttachRequest bridge(String containerId, String name) {
        return new AttachRequest(containerId, name, containerId.substring(0, 12), NetworkMode.BRIDGE,
                Network.DEFAULT_NAME, List.of(), List.of(), List.of());
    }

    public AttachRequest onNetwork(String networkName, String... moreAliases) {
        List<String> a = new ArrayList<>(aliases);
        a.addAll(List.of(moreAliases));
        return new AttachRequest(containerId, containerName, hostname, NetworkMode.BRIDGE, networkName, a, ports, links);
    }

    public AttachRequest withPorts(PortBinding... p) {
        return new AttachRequest(containerId, containerName, hostname, mode, network, aliases, List.of(p), links);
    }

    public AttachRequest withLinks(LinkRequest... l) {
        return new AttachRequest(containerId, containerName, hostname, mode, network, aliases, ports, List.of(l));
    }

    public AttachRequest withMode(NetworkMode m) {
        return new AttachRequest(containerId, containerName, hostname, m, m == NetworkMode.BRIDGE ? network : "",
                aliases, ports, links);
    }
}
