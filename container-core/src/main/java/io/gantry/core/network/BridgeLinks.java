package io.gantry.core.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Bridges and veth pairs, through batched {@code ip} calls on the host and inside a container's namespace. */
final class BridgeLinks {

    private BridgeLinks() {
    }

    static boolean exists(String ifname) {
        return Files.exists(Path.of("/sys/class/net", ifname));
    }

    /**
     * Creates the bridge with the gateway address, up, and with {@code route_localnet} on: together with the
     * masquerade of 127.0.0.0/8 this is what makes a published port answer on 127.0.0.1 (see notes/sandbox.md).
     */
    static void ensureBridge(String bridge, String gateway, int prefix) throws IOException {
        if (!exists(bridge)) {
            HostCommand.run("link add name " + bridge + " type bridge\n"
                    + "addr add " + gateway + "/" + prefix + " dev " + bridge + "\n"
                    + "link set " + bridge + " up\n", List.of("ip", "-batch", "-"));
        }
        Sysctl.write("net/ipv4/conf/" + bridge + "/route_localnet", "1");
    }

    static void deleteLink(String ifname) throws IOException {
        if (exists(ifname)) {
            try {
                HostCommand.run("ip", "link", "del", ifname);
            } catch (IOException e) {
                if (exists(ifname)) {
                    throw e;
                }
            }
        }
    }

    /** A veth pair: {@code hostVeth} as a port of {@code bridge}, {@code ifname} inside the namespace, addressed. */
    static void addVeth(Endpoint ep, String bridge, Path netns, boolean defaultRoute) throws IOException {
        HostCommand.run("link add " + ep.hostVeth() + " type veth peer name " + ep.ifname() + " netns " + netns + "\n"
                + "link set " + ep.hostVeth() + " master " + bridge + " up\n"
                // hairpin: a container reaching its own published port comes back through the port it left by
                + "link set " + ep.hostVeth() + " type bridge_slave hairpin on\n", List.of("ip", "-batch", "-"));
        String inside = "link set " + ep.ifname() + " address " + macOf(ep.ip()) + "\n"
                + "addr add " + ep.ip() + "/" + ep.prefix() + " dev " + ep.ifname() + "\n"
                + "link set " + ep.ifname() + " up\n"
                + (defaultRoute ? "route add default via " + ep.gateway() + "\n" : "");
        try {
            HostCommand.run(inside, List.of("nsenter", "--net=" + netns, "ip", "-batch", "-"));
        } catch (IOException e) {
            deleteLink(ep.hostVeth());
            throw e;
        }
    }

    /**
     * The interface's MAC address, derived from its IPv4 address as Docker does ({@code 02:42} and the four address
     * bytes): a container that gets the address of a removed one then also has its MAC, so the neighbour entries the
     * host and the other containers still hold for that address stay right, and traffic (published ports included)
     * reaches the new container at once instead of after the entries expire.
     */
    static String macOf(String ipv4) {
        String[] octets = ipv4.split("\\.");
        StringBuilder mac = new StringBuilder("02:42");
        for (String octet : octets) {
            mac.append(String.format(":%02x", Integer.parseInt(octet)));
        }
        return mac.toString();
    }
}
