package io.gantry.core.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One client connection: buffered streams over the channel, and half-close for hijacked streams. */
final class Connection implements AutoCloseable {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    Connection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(ChannelStreams.in(channel), 16 * 1024);
        this.out = new BufferedOutputStream(ChannelStreams.out(channel), 16 * 1024);
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** Tells the client no more output follows, while still reading what it sends (Docker's CloseWrite). */
    void shutdownOutput() throws IOException {
        out.flush();
        channel.shutdownOutput();
    }

    /**
     * Ends a hijacked stream: no more output, then up to {@code linger} for the client to close its side, reading
     * (and dropping) what it still sends. Closing with unread input would reset the connection, and the docker CLI
     * reports a reset as an error even after it got everything.
     */
    void closeAfterClient(Duration linger) {
        ScheduledFuture<?> deadline = TIMER.schedule(() -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed already
            }
        }, linger.toMillis(), TimeUnit.MILLISECONDS);
        try {
            shutdownOutput();
            byte[] discard = new byte[8192];
            while (in.read(discard) >= 0) {
                // the client's last input; nobody wants it any more
            }
        } catch (IOException closedByTheClientOrTheDeadline) {
            // either way the connection is done
        } finally {
            deadline.cancel(false);
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "engine-api-linger");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
