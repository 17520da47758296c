package io.gantry.core.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Living next to Docker: dockerd sets the iptables {@code FORWARD} policy to DROP (and leaves it so), which kills every
 * bridged and routed packet of other engines, because a drop in any table's forward hook is final. Where that policy
 * is found, Gantry inserts the narrowest accepts for its own bridges at the top of that chain (traffic from the bridge;
 * replies and DNATed traffic to it), tagged with the instance's table name, and removes them with the network.
 */
final class ForwardAccepts {

    private final String tag;

    ForwardAccepts(String nftTable) {
        this.tag = "gantry:" + nftTable;
    }

    static boolean available() {
        return HostCommand.available("iptables") && HostCommand.available("iptables-restore");
    }

    /** Whether the filter table's FORWARD chain drops by default. */
    static boolean forwardDrops() throws IOException {
        if (!available()) {
            return false;
        }
        String rules = HostCommand.run("iptables", "-w", "-S", "FORWARD");
        return rules.lines().anyMatch(l -> l.strip().equals("-P FORWARD DROP"));
    }

    List<String> rulesFor(String bridge) {
        String c = " -m comment --comment " + tag;
        return List.of(
                "-i " + bridge + c + " -j ACCEPT",
                "-o " + bridge + " -m conntrack --ctstate RELATED,ESTABLISHED" + c + " -j ACCEPT",
                "-o " + bridge + " -m conntrack --ctstate DNAT" + c + " -j ACCEPT");
    }

    /** Adds the accepts for {@code bridge} when FORWARD drops by default and they are not there yet; true if present. */
    boolean ensure(String bridge) throws IOException {
        if (!forwardDrops()) {
            return false;
        }
        if (!installed().contains(bridge)) {
            StringBuilder b = new StringBuilder("*filter\n");
            rulesFor(bridge).forEach(r -> b.append("-I FORWARD ").append(r).append('\n'));
            HostCommand.run(b.append("COMMIT\n").toString(), List.of("iptables-restore", "-w", "-n"));
        }
        return true;
    }

    /** Removes this instance's accepts for {@code bridge} (all of them when null). */
    void remove(String bridge) throws IOException {
        if (!available()) {
            return;
        }
        StringBuilder b = new StringBuilder("*filter\n");
        int n = 0;
        for (String line : HostCommand.run("iptables", "-w", "-S", "FORWARD").lines().toList()) {
            if (line.startsWith("-A FORWARD ") && line.contains(tag)
                    && (bridge == null || line.contains(" " + bridge + " "))) {
                b.append("-D").append(line.substring(2)).append('\n');
                n++;
            }
        }
        if (n > 0) {
            HostCommand.run(b.append("COMMIT\n").toString(), List.of("iptables-restore", "-w", "-n"));
        }
    }

    /** The bridges this instance has accepts for (for {@code /info}). */
    List<String> installed() throws IOException {
        List<String> bridges = new ArrayList<>();
        if (!available()) {
            return bridges;
        }
        for (String line : HostCommand.run("iptables", "-w", "-S", "FORWARD").lines().toList()) {
            if (line.startsWith("-A FORWARD -i ") && line.contains(tag)) {
                bridges.add(line.split(" ")[3]);
            }
        }
        return bridges;
    }
}
