package io.gantry.console.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.EventMessage;
import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.api.types.SystemVersion;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link EngineClient} over the engine's unix socket, negotiating the API version as the docker CLI does. */
public final class UnixSocketEngineClient implements EngineClient {

    /** The newest API version the console speaks, and the oldest engine it accepts (Debian's dockerd 20.10). */
    static final String NEWEST = "1.47";
    static final String OLDEST = "1.41";

    private final EngineEndpoint endpoint;
    private final EngineHttp http;
    private final ObjectMapper json;
    private volatile @Nullable String negotiated;

    public UnixSocketEngineClient(EngineEndpoint endpoint, ObjectMapper json) {
        this.endpoint = endpoint;
        this.http = new EngineHttp(endpoint.socket());
        this.json = json;
    }

    @Override
    public String apiVersion() {
        String version = negotiated;
        if (version == null) {
            version = negotiate();
            negotiated = version;
        }
        return version;
    }

    @Override
    public SystemVersion version() {
        return get("/version", SystemVersion.class);
    }

    @Override
    public SystemInfo info() {
        return get("/info", SystemInfo.class);
    }

    @Override
    public EventSubscription events(Consumer<EventMessage> listener, Runnable onEnd) {
        EngineHttp.Streaming stream = http.stream("GET", "/v" + apiVersion() + "/events", Map.of(), new byte[0]);
        if (stream.status() >= 400) {
            try (stream) {
                check(new EngineHttp.Response(stream.status(), stream.headers(), stream.body().readAllBytes()), "GET /events");
            } catch (IOException e) {
                throw new EngineCallException(stream.status(), "GET /events: HTTP " + stream.status());
            }
        }
        AtomicBoolean closed = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (MappingIterator<EventMessage> items = json.readerFor(EventMessage.class).readValues(stream.body())) {
                while (items.hasNextValue()) {
                    listener.accept(items.nextValue());
                }
            } catch (IOException | RuntimeException endOfStream) {
                // closed by the subscriber, or the engine went away: either way the stream is over
            } finally {
                onEnd.run();
            }
        }, "engine-events");
        reader.setDaemon(true);
        reader.start();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // the connection is gone either way
                }
            }
        };
    }

    private String negotiate() {
        EngineHttp.Response ping = http.exchange("HEAD", "/_ping", Map.of(), new byte[0]);
        String server = ping.headers().get("Api-Version");
        if (server == null) {
            return "1.24";
        }
        if (compare(server, OLDEST) < 0) {
            throw new EngineCallException(400, "the engine at " + endpoint.url() + " speaks API " + server
                    + "; Gantry needs at least " + OLDEST);
        }
        return compare(server, NEWEST) < 0 ? server : NEWEST;
    }

    private <T> T get(String path, Class<T> type) {
        EngineHttp.Response response = http.exchange("GET", "/v" + apiVersion() + path, Map.of(), new byte[0]);
        check(response, "GET " + path);
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new EngineCallException(500, "GET " + path + ": the engine's answer is not what the API defines: "
                    + e.getMessage());
        }
    }

    /** The only place where the engine's HTTP errors become console exceptions. */
    private void check(EngineHttp.Response response, String operation) {
        if (response.status() < 400) {
            return;
        }
        String message = response.text();
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("message")) {
                message = body.get("message").asText();
            }
        } catch (IOException notJson) {
            // keep the raw text
        }
        throw new EngineCallException(response.status(), message.isBlank() ? operation + ": HTTP " + response.status() : message);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
