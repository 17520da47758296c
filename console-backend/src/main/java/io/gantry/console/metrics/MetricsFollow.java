package io.gantry.console.metrics;

/** A followed stream of container figures; closing it ends the stream. */
@FunctionalInterface
public interface MetricsFollow extends AutoCloseable {

    @Override
    void close();
}
