package io.gantry.console.metrics;

import io.gantry.console.engine.StatsReading;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the engine's cumulative counters into per-second rates, one reading after another. The first reading only
 * sets the baseline; a counter that went backwards (the container restarted) counts as a fresh start.
 */
final class ContainerRates implements Consumer<StatsReading> {

    private final Consumer<ContainerMetrics> listener;
    private @Nullable StatsReading previous;

    ContainerRates(Consumer<ContainerMetrics> listener) {
        this.listener = listener;
    }

    @Override
    public void accept(StatsReading now) {
        StatsReading before = previous;
        previous = now;
        if (before == null) {
            return;
        }
        double seconds = Duration.between(before.read(), now.read()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return;
        }
        listener.accept(new ContainerMetrics(now.read(), now.cpuPercent(), now.memoryBytes(), now.memoryLimitBytes(),
                rate(before.networkRxBytes(), now.networkRxBytes(), seconds),
                rate(before.networkTxBytes(), now.networkTxBytes(), seconds),
                rate(before.blockReadBytes(), now.blockReadBytes(), seconds),
                rate(before.blockWriteBytes(), now.blockWriteBytes(), seconds)));
    }

    private static double rate(long before, long now, double seconds) {
        return now < before ? now / seconds : (now - before) / seconds;
    }
}
