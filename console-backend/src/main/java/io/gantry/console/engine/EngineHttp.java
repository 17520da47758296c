package io.gantry.console.engine;

import java.io.ByteArrayOutputStream;
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

/** HTTP/1.1 over the engine's unix socket: one request per connection, bodies by length, chunks or end of stream. */
final class EngineHttp {

    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Larger answers (a listing of thousands of objects) are refused rather than buffered without bound. */
    static final int MAX_BODY = 64 << 20;

    private final Path socket;

    EngineHttp(Path socket) {
        this.socket = socket;
    }

    Response exchange(String method, String path, Map<String, String> headers, byte[] body) {
        try (UnixSocket connection = connect()) {
            OutputStream out = connection.getOutputStream();
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: gantry\r\nUser-Agent: Gantry-Console\r\nConnection: close\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(connection.getInputStream(), method.equals("HEAD"));
        } catch (IOException e) {
            throw new EngineUnreachableException("the engine at unix://" + socket + " did not answer: " + e.getMessage(), e);
        }
    }

    private UnixSocket connect() throws IOException {
        try {
            return UnixSocketChannel.open(new UnixSocketAddress(socket.toFile())).socket();
        } catch (IOException e) {
            throw new IOException("cannot connect (" + e.getMessage() + ")", e);
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
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
        if (head || status == 204 || status == 304) {
            return new Response(status, headers, new byte[0]);
        }
        return new Response(status, headers, body(in, headers));
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                copy(in, body, size);
                line(in);
            }
            return body.toByteArray();
        }
        String length = headers.get("Content-Length");
        copy(in, body, length == null ? Long.MAX_VALUE : Long.parseLong(length));
        return body.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("the engine closed the connection " + left + " bytes before the end of the body");
            }
            if (out.size() + n > MAX_BODY) {
                throw new IOException("answer larger than " + (MAX_BODY >> 20) + " MiB");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
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
