package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one response on a connection: a whole body, a chunked stream, or a hijack (101, then raw bytes both ways).
 * Every response carries the headers Docker puts on all of its responses.
 */
final class HttpResponse {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(101, "UPGRADED"), Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"));

    private final OutputStream out;
    private final Connection connection;
    private final ObjectMapper json;
    private final boolean head;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean committed;
    private boolean closeAfter;
    private boolean hijacked;

    HttpResponse(Connection connection, ObjectMapper json, boolean head, Map<String, String> common) {
        this.connection = connection;
        this.out = connection.out();
        this.json = json;
        this.head = head;
        this.headers.putAll(common);
    }

    HttpResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    boolean committed() {
        return committed;
    }

    /** Whether the connection must close after this response (a stream ended by closing, or a hijack). */
    boolean closesConnection() {
        return closeAfter;
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json", json.writeValueAsBytes(value));
    }

    void empty(int status) throws IOException {
        send(status, null, new byte[0]);
    }

    void send(int status, @org.jspecify.annotations.Nullable String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Content-Length", Integer.toString(body.length));
        writeHead(status);
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    /**
     * Starts a chunked stream (pull progress, logs, events, stats); the headers go out at once, so the client knows
     * the request succeeded before the first item. Closing the stream ends the response.
     */
    OutputStream stream(int status, String contentType) throws IOException {
        headers.put("Content-Type", contentType);
        headers.put("Transfer-Encoding", "chunked");
        writeHead(status);
        out.flush();
        return new ChunkedOutputStream(out);
    }

    /**
     * Answers {@code Upgrade: tcp} with 101; afterwards the connection is a raw byte pipe until one side closes. The
     * caller owns the returned connection's streams until it returns.
     */
    Connection hijack(String contentType) throws IOException {
        headers.put("Content-Type", contentType);
        headers.put("Connection", "Upgrade");
        headers.put("Upgrade", "tcp");
        writeHead(101);
        out.flush();
        closeAfter = true;
        hijacked = true;
        return connection;
    }

    boolean hijacked() {
        return hijacked;
    }

    /** Ends the connection after this response (used by streams that end when their source ends). */
    void closeAfterwards() {
        closeAfter = true;
    }

    private void writeHead(int status) throws IOException {
        if (committed) {
            throw new IllegalStateException("response already sent");
        }
        committed = true;
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status")).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Each write becomes one chunk and is flushed, so streamed items reach the client as they happen. */
    private static final class ChunkedOutputStream extends OutputStream {
        private final OutputStream out;
        private boolean closed;

        ChunkedOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(b, off, len);
            out.write(CRLF);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        private static final byte[] CRLF = {'\r', '\n'};
    }
}
