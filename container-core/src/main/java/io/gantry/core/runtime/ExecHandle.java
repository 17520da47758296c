package io.gantry.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running exec: its stdin, stdout and stderr (stdout only with a tty), terminal size and exit code. The
 * process is relayed by a {@code gantry-shim exec} child of this JVM; closing the handle closes stdin only.
 */
public final class ExecHandle implements AutoCloseable {

    private final Process shim;
    private final long pid;
    private final OutputStream stdin;

    ExecHandle(Process shim, long pid) {
        this.shim = shim;
        this.pid = pid;
        this.stdin = new FrameOutputStream(shim.getOutputStream());
    }

    /** The process's pid on the host. */
    public long pid() {
        return pid;
    }

    /** The process's stdin; closing it sends end-of-file (a ^D on a tty). */
    public OutputStream stdin() {
        return stdin;
    }

    public InputStream stdout() {
        return shim.getInputStream();
    }

    /** Empty with a tty, where stderr is the terminal too. */
    public InputStream stderr() {
        return shim.getErrorStream();
    }

    /** Sets the terminal size of a tty exec; ignored without a tty. */
    public void resize(int rows, int cols) {
        try {
            FrameOutputStream.writeFrame(shim.getOutputStream(), FrameOutputStream.RESIZE, FrameOutputStream.size(rows, cols));
        } catch (IOException e) {
            throw new UncheckedIOException("resize exec " + pid, e);
        }
    }

    /** The exit code (128 + signal if killed) once the process ended, waiting up to {@code timeout}. */
    public Optional<Integer> waitFor(Duration timeout) {
        try {
            return shim.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(shim.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // the relay is gone already
        }
    }
}
