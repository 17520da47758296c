package io.gantry.console.engine;

import java.io.InputStream;
import java.io.OutputStream;

/** A process's terminal over a taken-over engine connection; closing it hangs up (the process sees end of input). */
public interface TerminalStream extends AutoCloseable {

    /** What the process writes; ends when it exits or the stream is closed. */
    InputStream output();

    /** What the process reads. */
    OutputStream input();

    @Override
    void close();
}
