package io.gantry.core.api;

import java.io.IOException;
import java.io.InputStream;

/** The body of a request sent with {@code Transfer-Encoding: chunked} (the CLI streams tarballs that way). */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long remainingInChunk;
    private boolean finished;

    ChunkedInputStream(InputStream in) {
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
        if (finished) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                finished = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
        if (n < 0) {
            throw new IOException("connection closed inside a chunk");
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            HttpParser.readLine(in, 2);
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpParser.readLine(in, 1024);
        int extension = line.indexOf(';');
        String hex = (extension < 0 ? line : line.substring(0, extension)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "malformed chunk size: " + hex);
        }
    }

    private void skipTrailers() throws IOException {
        while (!HttpParser.readLine(in, 8192).isEmpty()) {
            // trailers carry nothing the engine uses
        }
    }
}
