package io.gantry.console.engine;

import io.gantry.core.api.types.StatsResponse;
import java.util.function.Consumer;

/** A container's resource use, as {@code docker stats} shows it. */
public interface StatsCalls {

    /** One reading (the engine takes two, a moment apart, so that CPU use is known); zeros when it does not run. */
    StatsResponse stats(String container);

    /**
     * Follows readings, about one a second, each handed to {@code listener} on a thread of the stream's own until the
     * returned handle is closed or the container goes ({@code onEnd} then runs, once).
     */
    EngineClient.EventSubscription followStats(String container, Consumer<StatsResponse> listener, Runnable onEnd);
}
