package io.gantry.console.terminal;

import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.TerminalStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A terminal over an engine connection taken over for exec or attach, its output read on a thread of its own. */
final class EngineTerminal implements TerminalSession {

    /** Ctrl-C: a hung-up shell's foreground program is interrupted first, so the end of input reaches the shell. */
    private static final byte INTERRUPT = 3;
    private static final long INTERRUPT_SETTLE_MS = 200;

    interface Resizer {
        void resize(int rows, int cols);
    }

    private final TerminalStream stream;
    private final String execId;
    private final Resizer resizer;
    private final boolean interruptOnClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    EngineTerminal(TerminalStream stream, String execId, Resizer resizer, boolean interruptOnClose) {
        this.stream = stream;
        this.execId = execId;
        this.resizer = resizer;
        this.interruptOnClose = interruptOnClose;
    }

    void start(Consumer<byte[]> output, Runnable onEnd) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = stream.output()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (n > 0) {
                        output.accept(Arrays.copyOf(buffer, n));
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // the process ended, or the terminal was closed
            } finally {
                close();
                onEnd.run();
            }
        }, "terminal-" + (execId.isEmpty() ? "attach" : execId.substring(0, Math.min(12, execId.length()))));
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void type(byte[] input) {
        if (closed.get()) {
            return;
        }
        try {
            stream.input().write(input);
            stream.input().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal's process is gone", e);
        }
    }

    @Override
    public void resize(int rows, int cols) {
        if (rows < 1 || cols < 1 || rows > 1000 || cols > 1000) {
            throw new IllegalArgumentException("a terminal of " + rows + " rows and " + cols + " columns");
        }
        try {
            resizer.resize(rows, cols);
        } catch (EngineCallException processGone) {
            // a size sent as the process ends: nothing left to size
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (interruptOnClose) {
            try {
                stream.input().write(INTERRUPT);
                stream.input().flush();
                // the terminal discards pending input on an interrupt: let it act before the end of input follows
                Thread.sleep(INTERRUPT_SETTLE_MS);
            } catch (IOException alreadyGone) {
                // the process ended first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stream.close();
    }

    @Override
    public String execId() {
        return execId;
    }
}
