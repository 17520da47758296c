package io.gantry.core.network;

import java.util.List;

/**
 * A container's interface on one bridge network.
 *
 * @param network   the network's name
 * @param ifname    the interface inside the container ({@code eth0}, {@code eth1})
 * @param hostVeth  the host end of the veth pair, a port of the network's bridge
 * @param ip        the container's address
 * @param prefix    the subnet's prefix length
 * @param gateway   the bridge's address
 * @param aliases   extra names the container answers to on this network
 */
public record Endpoint(String network, String ifname, String hostVeth, String ip, int prefix, String gateway,
                       List<String> aliases) {

    public Endpoint {
        aliases = List.copyOf(aliases);
    }
}
