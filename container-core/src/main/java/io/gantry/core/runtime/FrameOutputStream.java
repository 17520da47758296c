package io.gantry.core.runtime;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the shim's stdin frames: an 8-byte header {type, 0, 0, 0, big-endian length} and the payload (Docker's
 * stream header). Data written here becomes {@code STDIN} frames; close sends {@code CLOSE_STDIN} and closes.
 */
final class FrameOutputStream extends OutputStream {

    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int RESIZE = 3;
    static final int CLOSE_STDIN = 4;
    static final int MAX = 32768;

    private final OutputStream out;
    private boolean closed;

    FrameOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; ) {
            int n = Math.min(MAX, len - done);
            byte[] chunk = java.util.Arrays.copyOfRange(b, off + done, off + done + n);
            writeFrame(out, STDIN, chunk);
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                writeFrame(out, CLOSE_STDIN, new byte[0]);
            } finally {
                out.close();
            }
        }
    }

    static void writeFrame(OutputStream out, int type, byte[] payload) throws IOException {
        byte[] frame = new byte[8 + payload.length];
        frame[0] = (byte) type;
        frame[4] = (byte) (payload.length >>> 24);
        frame[5] = (byte) (payload.length >>> 16);
        frame[6] = (byte) (payload.length >>> 8);
        frame[7] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 8, payload.length);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    static byte[] size(int rows, int cols) {
        if (rows < 1 || cols < 1 || rows > 65535 || cols > 65535) {
            throw new IllegalArgumentException("terminal size out of range: " + rows + "x" + cols);
        }
        return new byte[] {(byte) (rows >>> 8), (byte) rows, (byte) (cols >>> 8), (byte) cols};
    }
}
