package io.gantry.console.engine;

import java.io.IOException;
import java.io.InputStream;

/** A chunked response body read as it arrives, so streams (events, progress, logs) reach the caller item by item. */
final class ChunkedBody extends InputStream {

    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            // InputStream.readNBytes asks for 0 bytes once it has enough: that must not wait for the next chunk
            return 0;
        }
        if (left == 0) {
            String size = EngineHttp.line(in).split(";")[0].trim();
            try {
                left = Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size from the engine: " + size);
            }
            if (left == 0) {
                while (!EngineHttp.line(in).isEmpty()) {
                    // trailers
                }
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new IOException("the engine closed the connection inside a chunk");
        }
        left -= n;
        if (left == 0) {
            EngineHttp.line(in);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
