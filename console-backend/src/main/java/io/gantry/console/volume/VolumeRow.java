package io.gantry.console.volume;

import java.time.Instant;
import java.util.List;

/**
 * One volume on the volumes page.
 *
 * @param mountpoint where its data lives on the engine's host
 * @param usedBy     names of the containers that mount it, running or not
 */
public record VolumeRow(String name, String driver, String mountpoint, Instant created, List<String> usedBy) {

    public VolumeRow {
        usedBy = List.copyOf(usedBy);
    }

    public boolean inUse() {
        return !usedBy.isEmpty();
    }
}
