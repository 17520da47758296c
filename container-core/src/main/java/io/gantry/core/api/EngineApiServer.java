package io.gantry.core.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Engine API on a unix socket. A small HTTP/1.1 server of its own rather than Jetty or Netty: the API needs
 * connection hijacking (101 + raw bytes both ways, with half-close) for attach and exec, which those libraries only
 * offer through their lowest layers, and the whole protocol surface is a few hundred lines. One thread per connection:
 * clients hold few connections, and a blocked wait or a followed log must not stall anyone else.
 */
public final class EngineApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineApiServer.class);
    /** What is left of a request body the handler did not read is skipped, up to this much, to keep the connection. */
    private static final long MAX_DRAIN = 1 << 20;
    /** How long a finished attach or exec waits for the client to hang up first. */
    private static final java.time.Duration HIJACK_LINGER = java.time.Duration.ofSeconds(2);

    private final Path socket;
    private final Router router;
    private final ObjectMapper json;
    private final Map<String, String> commonHeaders;
    private final ServerSocketChannel server;
    private final ExecutorService connections;
    private final Thread acceptor;

    private EngineApiServer(Path socket, Router router, String serverVersion) throws IOException {
        this.socket = socket;
        this.router = router;
        this.json = objectMapper();
        this.commonHeaders = new LinkedHashMap<>();
        commonHeaders.put("Api-Version", ApiVersion.CURRENT.toString());
        commonHeaders.put("Docker-Experimental", "false");
        commonHeaders.put("Ostype", "linux");
        commonHeaders.put("Server", "Gantry/" + serverVersion + " (linux)");
        this.server = bind(socket);
        AtomicInteger count = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "engine-api-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "engine-api-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves {@code router}'s routes on {@code socket}, which only root (and the root group) may use. */
    static EngineApiServer start(Path socket, Router router, String serverVersion) throws IOException {
        return new EngineApiServer(socket, router, serverVersion);
    }

    /**
     * Reads request bodies as dockerd does: unknown fields are ignored, but a value of the wrong JSON type (a number
     * where a string belongs, a string where a number does) is refused instead of converted.
     */
    static ObjectMapper objectMapper() {
        ObjectMapper json = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
        refuse(json, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(json, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(json, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(json, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
        return json;
    }

    private static void refuse(ObjectMapper json, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            json.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    public Path socket() {
        return socket;
    }

    private static ServerSocketChannel bind(Path socket) throws IOException {
        Files.createDirectories(socket.getParent());
        Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwxr-x--x"));
        if (Files.exists(socket)) {
            if (isServed(socket)) {
                throw new IOException("another engine already serves " + socket);
            }
            Files.delete(socket);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        return channel;
    }

    /** A socket file someone still answers on belongs to a running engine and is never taken over. */
    private static boolean isServed(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException staleSocketOfAnEngineThatIsGone) {
            return false;
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                connections.execute(() -> serve(client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                log.warn("accept on {}: {}", socket, e.getMessage());
            }
        }
    }

    private void serve(SocketChannel channel) {
        try (Connection connection = new Connection(channel)) {
            boolean open = true;
            while (open) {
                open = serveOne(connection);
            }
        } catch (IOException e) {
            log.debug("connection ended: {}", e.getMessage());
        }
    }

    /** Serves one request; false when the connection must close afterwards. */
    private boolean serveOne(Connection connection) throws IOException {
        Optional<HttpRequest> next;
        try {
            next = HttpParser.read(connection.in());
        } catch (ApiException malformed) {
            HttpResponse response = new HttpResponse(connection, json, false, commonHeaders);
            response.header("Connection", "close");
            response.json(malformed.status(), new io.gantry.core.api.types.ErrorResponse(malformed.getMessage()));
            return false;
        }
        if (next.isEmpty()) {
            return false;
        }
        HttpRequest request = next.get();
        HttpResponse response = new HttpResponse(connection, json, request.method().equals("HEAD"), commonHeaders);
        boolean clientCloses = request.header("Connection").map(c -> c.equalsIgnoreCase("close")).orElse(false);
        if (clientCloses) {
            response.header("Connection", "close");
        }
        try {
            request.version().checkServed();
            Router.Match match = router.find(request.method(), request.path())
                    .orElseThrow(() -> new ApiException(404, "page not found"));
            match.handler().handle(request, response, match.params());
        } catch (JacksonException malformedBody) {
            ApiErrors.respond(request, response, malformedBody);
        } catch (IOException connectionFailed) {
            throw connectionFailed;
        } catch (RuntimeException e) {
            ApiErrors.respond(request, response, e);
        }
        if (response.hijacked()) {
            connection.closeAfterClient(HIJACK_LINGER);
            return false;
        }
        // The body a handler did not read is read away even before a close: closing with unread bytes resets the
        // connection, and a client still writing its body (an error answered early) would see a broken pipe instead
        // of the answer.
        boolean drained = drain(request.body());
        return drained && !response.closesConnection() && !clientCloses;
    }

    private static boolean drain(InputStream body) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
            skipped += n;
            if (skipped > MAX_DRAIN) {
                return false;
            }
        }
        return true;
    }

    /** Stops accepting and closes the socket; requests in flight end with their connections. */
    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
        Files.deleteIfExists(socket);
    }
}
