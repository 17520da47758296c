package io.gantry.core.images;

import io.gantry.core.registry.LayerStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Hands a layer's bytes from the download thread to the thread unpacking them: a few chunks are buffered, then the
 * download waits for the unpacking (Docker's pull streams the same way). The reader sees the download's failure as
 * an {@link IOException}; a reader that gave up (closed) makes further writes no-ops, so a failed unpack never stalls
 * the download, whose blob is still stored and verified on its own.
 */
final class LayerPipe implements LayerStream {

    private static final int CHUNKS = 32;
    private static final long POLL_MILLIS = 50;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile @Nullable IOException failure;
    private volatile boolean readerGone;

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > 0) {
            put(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    @Override
    public void finish() {
        try {
            put(END);
        } catch (InterruptedIOException e) {
            abort(e);
        }
    }

    @Override
    public void abort(IOException cause) {
        failure = cause; // the reader polls, so it notices even when the queue is full
    }

    private void put(byte[] chunk) throws InterruptedIOException {
        try {
            while (!readerGone && !chunks.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // the reader is behind: wait for it, unless it has gone
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing a layer to its unpacking");
        }
    }

    /** Whether the download broke off: what was read from the pipe is no layer at all. */
    boolean aborted() {
        return failure != null;
    }

    /** The reading end; closing it tells the writer nobody reads any more. */
    InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (ended || !next()) {
                        return -1;
                    }
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, target, offset, n);
                position += n;
                return n;
            }

            /** Takes the next chunk; false at the end of the stream. */
            private boolean next() throws IOException {
                try {
                    byte[] chunk = null;
                    while (chunk == null) {
                        IOException failed = failure;
                        if (failed != null) {
                            throw new IOException(failed.getMessage(), failed);
                        }
                        if (readerGone) {
                            throw new IOException("layer stream closed");
                        }
                        chunk = chunks.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    }
                    if (chunk == END) {
                        ended = true;
                        return false;
                    }
                    current = chunk;
                    position = 0;
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while unpacking a downloading layer");
                }
            }

            @Override
            public void close() {
                readerGone = true;
                chunks.clear();
            }
        };
    }
}
