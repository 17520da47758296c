package io.gantry.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a few chunks ahead of the reader. Extracting a layer is two kinds of work
 * of about equal cost: inflating and hashing the stream, and creating files from it; with this in between they run on
 * two cores instead of one, as Docker's pull splits them between dockerd and its untar process.
 *
 * <p>A failure of the source (an {@link IOException}, such as a layer limit exceeded) reaches the reader as the same
 * exception, in stream order. {@link #close()} stops the thread and then closes the source.
 */
final class ReadAheadInputStream extends InputStream {

    private static final int CHUNK = 128 * 1024;
    private static final int CHUNKS = 8;

    /** A filled buffer, the end of the stream ({@code length < 0}), or the source's failure. */
    private record Chunk(byte[] buffer, int length, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread reader;
    private Chunk current;
    private int position;
    private boolean finished;

    ReadAheadInputStream(InputStream source) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            empty.add(new byte[CHUNK]);
        }
        reader = new Thread(this::readSource, "gantry-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readSource() {
        try {
            while (true) {
                byte[] buffer = empty.take();
                int length = source.readNBytes(buffer, 0, CHUNK);
                if (length == 0) {
                    filled.put(new Chunk(buffer, -1, null));
                    return;
                }
                filled.put(new Chunk(buffer, length, null));
            }
        } catch (IOException e) {
            filled.offer(new Chunk(null, -1, e)); // room is kept for it: CHUNKS + 1
        } catch (InterruptedException closed) {
            // the reader closed the stream
        }
    }

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
        if (!next()) {
            return -1;
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.buffer(), position, target, offset, n);
        position += n;
        return n;
    }

    /** Makes {@link #current} a chunk with bytes left; false at the end of the stream. */
    private boolean next() throws IOException {
        while (!finished && (current == null || position == current.length())) {
            if (current != null) {
                empty.add(current.buffer());
            }
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a layer");
            }
            position = 0;
            if (current.failure() != null) {
                finished = true;
                throw current.failure();
            }
            if (current.length() < 0) {
                finished = true;
            }
        }
        return !finished;
    }

    @Override
    public void close() throws IOException {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
