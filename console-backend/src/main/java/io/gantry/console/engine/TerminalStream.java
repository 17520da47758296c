package io.gantry.console.engine;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A process's terminal over a taken-over engine connection. Closing it hangs up: the process sees the end of its
 * input, and {@link #output()} ends; whoever reads the output closes that stream, which frees the connection.
 */
public interface TerminalStream extends AutoCloseable {

    /** What the process writes; ends when it exits or the stream is closed. */
    InputStream output();

    /** What the process reads. */
    OutputStream input();

    @Override
    void close();
}
