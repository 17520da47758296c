package io.gantry.core.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A test client that writes requests byte for byte, to see exactly what the server answers. */
final class RawHttp implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {
    }

    private final SocketChannel channel;
    private final InputStream in;

    RawHttp(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = ChannelStreams.in(channel);
    }

    void send(String raw) throws IOException {
        sendBytes(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void sendBytes(byte[] raw) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    Response request(String method, String path) throws IOException {
        send(method + " " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
        return read(method.equals("HEAD"));
    }

    Response read(boolean head) throws IOException {
        String statusLine = HttpParser.readLine(in, 8192);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = HttpParser.readLine(in, 8192); !line.isEmpty(); line = HttpParser.readLine(in, 8192)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (head) {
            return new Response(status, headers, "");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            new ChunkedInputStream(in).transferTo(body);
        } else if (headers.containsKey("Content-Length")) {
            new BoundedInputStream(in, Long.parseLong(headers.get("Content-Length"))).transferTo(body);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    InputStream rawIn() {
        return in;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
