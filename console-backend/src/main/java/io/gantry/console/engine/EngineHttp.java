package io.gantry.console.engine;

import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import jnr.unixsocket.UnixSocket;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.jspecify.annotations.Nullable;

/** HTTP/1.1 over the engine's unix socket: one request per connection, bodies by length, chunks or end of stream. */
final class EngineHttp {

    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A response whose body is still arriving; closing it closes the connection. */
    record Streaming(int status, Map<String, String> headers, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }

        /**
         * Ends the stream for a reader blocked on another thread, which then sees its end and closes the connection
         * itself. Closing the descriptor under a blocked reader instead would let the number be reused by the next
         * connection, whose bytes that reader would then steal.
         */
        void hangUp() {
            if (body instanceof ClosingBody closing) {
                closing.hangUp();
            }
        }
    }

    /** Larger answers (a listing of thousands of objects) are refused rather than buffered without bound. */
    static final int MAX_BODY = 64 << 20;

    private final Path socket;

    EngineHttp(Path socket) {
        this.socket = socket;
    }

    Response exchange(String method, String path, Map<String, String> headers, byte[] body) {
        try (Streaming response = stream(method, path, headers, body)) {
            return new Response(response.status(), response.headers(), readAll(response.body()));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Sends a request and returns as soon as the response's headers are in; the caller reads and closes the body. */
    Streaming stream(String method, String path, Map<String, String> headers, byte[] body) {
        return stream(method, path, headers, new java.io.ByteArrayInputStream(body), body.length);
    }

    /**
     * {@link #stream(String, String, Map, byte[])} with a body of {@code length} bytes copied from {@code body} as it
     * is sent (an uploaded image archive), never held in memory whole.
     */
    Streaming stream(String method, String path, Map<String, String> headers, InputStream body, long length) {
        UnixSocket connection = null;
        try {
            connection = connect();
            try {
                send(connection, method, path, "Connection: close\r\n", headers, body, length);
            } catch (IOException refusedMidway) {
                // an engine that refuses a body (not an archive) may answer and hang up before reading all of it:
                // its answer says why, which a broken pipe would not
                return read(connection, false);
            }
            return read(connection, method.equals("HEAD"));
        } catch (IOException e) {
            closeQuietly(connection);
            throw unreachable(e);
        }
    }

    /**
     * Sends a request asking to take the connection over ({@code Upgrade: tcp}, as the docker CLI does for exec and
     * attach). On 101 (or 200 from engines that skip the upgrade) the connection becomes a raw pipe both ways; an
     * error status comes back with its body for the caller to report, and the connection closed.
     */
    Hijacked hijack(String method, String path, Map<String, String> headers, byte[] body) {
        UnixSocket connection = null;
        try {
            connection = connect();
            send(connection, method, path, "Connection: Upgrade\r\nUpgrade: tcp\r\n", headers,
                    new java.io.ByteArrayInputStream(body), body.length);
            Streaming response = read(connection, false);
            if (response.status() >= 300) {
                try (response) {
                    return new Hijacked(response.status(), readAll(response.body()), InputStream.nullInputStream(),
                            OutputStream.nullOutputStream(), () -> { });
                }
            }
            // the body decoder of a 101 is the bare socket stream: nothing of the pipe was read ahead
            return new Hijacked(response.status(), new byte[0], response.body(), connection.getOutputStream(),
                    response::hangUp);
        } catch (IOException e) {
            closeQuietly(connection);
            throw unreachable(e);
        }
    }

    private static void send(UnixSocket connection, String method, String path, String connectionHeaders,
            Map<String, String> headers, InputStream body, long length) throws IOException {
        // Buffered: the head and a small body leave in one write, as one packet.
        OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 8192);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: gantry\r\nUser-Agent: Gantry-Console\r\n").append(connectionHeaders)
                .append("Content-Length: ").append(length).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        long sent = body.transferTo(out);
        if (sent != length) {
            throw new IOException("the request body had " + sent + " bytes, not the " + length + " announced");
        }
        out.flush();
    }

    /**
     * A taken-over connection: what the engine sends, what to send it, and how to hang up. Closing hangs up both ways
     * (see {@link Streaming#hangUp}); the connection itself is closed by closing {@code output}, once read to its end.
     */
    record Hijacked(int status, byte[] error, InputStream output, OutputStream input, Runnable hangUp)
            implements TerminalStream {
        @Override
        public void close() {
            hangUp.run();
        }
    }

    private EngineUnreachableException unreachable(IOException e) {
        return new EngineUnreachableException("the engine at unix://" + socket + " did not answer: " + e.getMessage(), e);
    }

    private static void closeQuietly(@Nullable UnixSocket connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    private UnixSocket connect() throws IOException {
        try {
            return UnixSocketChannel.open(new UnixSocketAddress(socket.toFile())).socket();
        } catch (IOException e) {
            throw new IOException("cannot connect (" + e.getMessage() + ")", e);
        }
    }

    private static Streaming read(UnixSocket connection, boolean head) throws IOException {
        InputStream in = connection.getInputStream();
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
            }
        }
        int status = Integer.parseInt(parts[1]);
        InputStream body;
        if (head || status == 204 || status == 304) {
            body = InputStream.nullInputStream();
        } else if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = new ChunkedBody(in);
        } else if (headers.containsKey("Content-Length")) {
            body = new LimitedBody(in, Long.parseLong(headers.get("Content-Length")));
        } else {
            body = in;
        }
        return new Streaming(status, headers, new ClosingBody(body, connection));
    }

    private static byte[] readAll(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            if (out.size() + n > MAX_BODY) {
                throw new IOException("answer larger than " + (MAX_BODY >> 20) + " MiB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A body of known length. */
    private static final class LimitedBody extends java.io.FilterInputStream {
        private long left;

        LimitedBody(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the engine closed the connection " + left + " bytes before the end of the body");
            }
            left -= n;
            return n;
        }
    }

    /** Closing the body closes the connection it arrives on. */
    private static final class ClosingBody extends java.io.FilterInputStream {
        private final UnixSocket connection;

        ClosingBody(InputStream body, UnixSocket connection) {
            super(body);
            this.connection = connection;
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }

        void hangUp() {
            try {
                connection.shutdownInput();
                connection.shutdownOutput();
            } catch (IOException alreadyDown) {
                // the engine hung up first
            }
        }
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the engine closed the connection mid-response");
            }
            if (line.size() > 65536) {
                throw new IOException("response header line too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
