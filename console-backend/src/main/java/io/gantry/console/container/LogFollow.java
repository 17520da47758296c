package io.gantry.console.container;

/** A followed log; closing it ends the stream (and so the thread reading it). */
public interface LogFollow extends AutoCloseable {
    @Override
    void close();
}
