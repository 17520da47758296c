package io.gantry.core.network;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The instance's own nftables table. Its chains are fixed at creation; everything that changes lives in sets and maps
 * that {@link #sync} rewrites in one nft transaction from the engine's state, so an update is atomic, idempotent and
 * needs no rule handles, and the reconciler repairs drift by calling it once. Being kernel state, the rules keep
 * serving while the engine is down.
 *
 * <ul>
 *   <li>{@code pub_ip}/{@code pub_any}: published ports, keyed by (host address,) protocol and port, DNAT to the
 *       container; looked up for packets to a local address, from outside (prerouting) and from the host (output).</li>
 *   <li>{@code bridges}/{@code subnets}: what to masquerade: 127.0.0.0/8 into a bridge (the route_localnet case),
 *       DNATed traffic from a subnet into a bridge (hairpin), and a subnet leaving through anything but a bridge
 *       (outbound NAT).</li>
 *   <li>{@code isolated}: pairs of bridges between which forwarding is dropped, except to published ports.</li>
 * </ul>
 */
final class NftTable {

    private final String table;

    NftTable(String table) {
        this.table = table;
    }

    String name() {
        return table;
    }

    static boolean available() {
        return HostCommand.available("nft");
    }

    boolean exists() {
        try {
            HostCommand.run("nft", "list", "table", "ip", table);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void ensure() throws IOException {
        if (exists()) {
            return;
        }
        String lookups = "    fib daddr type local dnat ip to ip daddr . meta l4proto . th dport map @pub_ip\n"
                + "    fib daddr type local dnat ip to meta l4proto . th dport map @pub_any\n";
        HostCommand.run("table ip " + table + " {\n"
                + "  set bridges { type ifname; }\n"
                + "  set subnets { type ipv4_addr; flags interval; }\n"
                + "  set isolated { type ifname . ifname; }\n"
                + "  map pub_any { type inet_proto . inet_service : ipv4_addr . inet_service; }\n"
                + "  map pub_ip { type ipv4_addr . inet_proto . inet_service : ipv4_addr . inet_service; }\n"
                + "  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n" + lookups + "  }\n"
                + "  chain output {\n    type nat hook output priority -100; policy accept;\n" + lookups + "  }\n"
                + "  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n"
                + "    oifname @bridges ip saddr 127.0.0.0/8 masquerade\n"
                + "    oifname @bridges ip saddr @subnets ct status dnat masquerade\n"
                + "    oifname != @bridges ip saddr @subnets masquerade\n"
                + "  }\n"
                + "  chain forward {\n    type filter hook forward priority filter; policy accept;\n"
                + "    ct status dnat accept\n"
                + "    iifname . oifname @isolated drop\n"
                + "  }\n"
                + "}\n", List.of("nft", "-f", "-"));
    }

    /** A published port as nft sees it: where it listens and the container address it goes to. */
    record Dnat(PortBinding binding, String containerIp) {
    }

    /** Rewrites every set and map from the engine's state, atomically. */
    void sync(List<Network> networks, List<Dnat> ports) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String set : List.of("bridges", "subnets", "isolated", "pub_any", "pub_ip")) {
            b.append("flush ").append(set.startsWith("pub") ? "map" : "set").append(" ip ").append(table)
                    .append(' ').append(set).append('\n');
        }
        elements(b, "bridges", networks.stream().map(n -> quote(n.bridge())).toList());
        elements(b, "subnets", networks.stream().map(Network::subnet).toList());
        elements(b, "isolated", networks.stream().flatMap(a -> networks.stream().filter(o -> o != a)
                .map(o -> quote(a.bridge()) + " . " + quote(o.bridge()))).toList());
        elements(b, "pub_any", ports.stream().filter(d -> d.binding().anyAddress()).map(NftTable::anyElement).toList());
        elements(b, "pub_ip", ports.stream().filter(d -> !d.binding().anyAddress())
                .map(d -> d.binding().hostIp() + " . " + anyElement(d)).toList());
        HostCommand.run(b.toString(), List.of("nft", "-f", "-"));
    }

    private void elements(StringBuilder b, String set, List<String> items) {
        if (!items.isEmpty()) {
            b.append("add element ip ").append(table).append(' ').append(set).append(" { ")
                    .append(items.stream().collect(Collectors.joining(", "))).append(" }\n");
        }
    }

    private static String anyElement(Dnat d) {
        PortBinding p = d.binding();
        return p.protocol().wire() + " . " + p.hostPort() + " : " + d.containerIp() + " . " + p.containerPort();
    }

    private static String quote(String ifname) {
        return "\"" + ifname + "\"";
    }

    void delete() throws IOException {
        if (exists()) {
            HostCommand.run("nft", "delete", "table", "ip", table);
        }
    }
}
