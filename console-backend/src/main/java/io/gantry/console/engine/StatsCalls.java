package io.gantry.console.engine;

import io.gantry.core.api.types.ContainerStatsItem;
import java.util.function.Consumer;

/** A container's resource use, as {@code docker stats} reads it. */
public interface StatsCalls {

    /**
     * Follows the container's stats, one item about every second, each handed to {@code listener} on a thread of the
     * stream's own, until the handle is closed or the container stops ({@code onEnd} then runs, once).
     */
    EngineClient.EventSubscription followStats(String reference, Consumer<ContainerStatsItem> listener, Runnable onEnd);
}
