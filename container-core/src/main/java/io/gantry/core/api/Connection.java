package io.gantry.core.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
