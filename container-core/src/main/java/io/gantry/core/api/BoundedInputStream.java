package io.gantry.core.api;

import java.io.IOException;
import java.io.InputStream;

/** A request body of known {@code Content-Length}: reads stop at its end, so the connection can carry the next request. */
final class BoundedInputStream extends InputStream {

    private final InputStream in;
    private long remaining;

    BoundedInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new IOException("connection closed with " + remaining + " bytes of the body unread");
        }
        remaining -= n;
        return n;
    }
}
