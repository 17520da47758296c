package io.gantry.core.runtime;

import io.gantry.core.errors.FailedPreconditionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A connection to a container monitor's attach socket. Output arrives as Docker's multiplexed stream (an 8-byte
 * header per chunk: stream 1 stdout or 2 stderr, big-endian length); {@link #read()} splits it. Input goes
 * through {@link #stdin()}. Closing detaches without stopping the container.
 */
public final class AttachHandle implements AutoCloseable {

    /** A chunk of output; {@code stream} is 1 for stdout (and the tty), 2 for stderr. */
    public record Output(int stream, byte[] data) {
    }

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream raw;
    private final OutputStream stdin;

    private AttachHandle(SocketChannel channel) {
        this.channel = channel;
        // Own streams: the JDK's channel streams share one lock, so a blocked read would block every write.
        this.in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
        this.raw = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        };
        this.stdin = new FrameOutputStream(raw); // closing it sends CLOSE_STDIN; the output keeps coming
    }

    static AttachHandle connect(String id, Path socket) {
        try {
            return new AttachHandle(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        } catch (IOException e) {
            throw new FailedPreconditionException("attach to container " + id + " at " + socket + ": " + e.getMessage(), e);
        }
    }

    /** Input for the container; closing it ends the container's stdin (a ^D on a tty). */
    public OutputStream stdin() {
        return stdin;
    }

    /** The multiplexed output as it comes, for an API that passes it on. */
    public InputStream rawOutput() {
        return in;
    }

    /** The next chunk of output; empty once the container's output ended or the monitor went away. */
    public Optional<Output> read() {
        try {
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                return Optional.empty();
            }
            int len = (header[4] & 0xff) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | (header[7] & 0xff);
            byte[] data = in.readNBytes(len);
            return data.length < len ? Optional.empty() : Optional.of(new Output(header[0], data));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sets the terminal size of a tty container. */
    public void resize(int rows, int cols) {
        try {
            FrameOutputStream.writeFrame(raw, FrameOutputStream.RESIZE, FrameOutputStream.size(rows, cols));
        } catch (IOException e) {
            throw new UncheckedIOException("resize", e);
        }
    }

    /** Detaches. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to release beyond the socket
        }
    }
}
