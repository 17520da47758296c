package io.gantry.console.metrics;

import io.gantry.core.api.types.StatsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the engine's cumulative counters into per-second rates, one reading after another. The first reading only
 * sets the baseline; a counter that went backwards (the container restarted) counts as a fresh start.
 */
final class ContainerRates implements Consumer<StatsResponse> {

    private final Consumer<ContainerMetrics> listener;
    private @Nullable StatsResponse previous;

    ContainerRates(Consumer<ContainerMetrics> listener) {
        this.listener = listener;
    }

    @Override
    public void accept(StatsResponse now) {
        StatsResponse before = previous;
        previous = now;
        if (before == null) {
            return;
        }
        Instant at = now.readAt();
        double seconds = Duration.between(before.readAt(), at).toMillis() / 1000.0;
        if (seconds <= 0) {
            return;
        }
        listener.accept(new ContainerMetrics(at, now.cpuPercent(), now.memoryUsed(), now.memoryLimit(),
                rate(before.networkRxBytes(), now.networkRxBytes(), seconds),
                rate(before.networkTxBytes(), now.networkTxBytes(), seconds),
                rate(before.blockReadBytes(), now.blockReadBytes(), seconds),
                rate(before.blockWriteBytes(), now.blockWriteBytes(), seconds)));
    }

    private static double rate(long before, long now, double seconds) {
        return now < before ? now / seconds : (now - before) / seconds;
    }
}
