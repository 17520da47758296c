package io.gantry.console.network;

import java.util.List;

/**
 * One network on the networks page.
 *
 * @param subnet  its IPv4 subnet, or empty when it has none (host, none)
 * @param builtIn one of the engine's own networks (bridge, host, none), which cannot be removed
 * @param usedBy  names of the containers attached to it, running or not
 */
public record NetworkRow(String id, String name, String driver, String subnet, boolean builtIn, List<String> usedBy) {

    public NetworkRow {
        usedBy = List.copyOf(usedBy);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
