package io.gantry.core.api;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A streamed response body (200, chunked) that starts at its first byte: until then a failure is still an ordinary
 * HTTP error the CLI prints, as dockerd answers a save of a missing image or a copy of a missing path. Writes are
 * buffered into 64 KiB chunks. Closing it starts it if nothing was written and ends it.
 */
final class LazyStream extends OutputStream {

    private final HttpResponse response;
    private final String contentType;
    private @Nullable OutputStream out;

    LazyStream(HttpResponse response, String contentType) {
        this.response = response;
        this.contentType = contentType;
    }

    boolean started() {
        return out != null;
    }

    @Override
    public void write(int b) throws IOException {
        body().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        body().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        body().close();
    }

    private OutputStream body() throws IOException {
        if (out == null) {
            out = new BufferedOutputStream(response.stream(200, contentType), 64 * 1024);
        }
        return out;
    }
}
