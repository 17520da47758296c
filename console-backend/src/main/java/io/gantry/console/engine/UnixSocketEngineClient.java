package io.gantry.console.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerCreateResponse;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.EventMessage;
import io.gantry.core.api.types.ExecConfig;
import io.gantry.core.api.types.ExecInspect;
import io.gantry.core.api.types.ExecStartConfig;
import io.gantry.core.api.types.IdResponse;
import io.gantry.core.api.types.ImageDeleteItem;
import io.gantry.core.api.types.ImageInspect;
import io.gantry.core.api.types.ImageSearchResult;
import io.gantry.core.api.types.ImageSummary;
import io.gantry.core.api.types.NetworkConnectRequest;
import io.gantry.core.api.types.NetworkCreateRequest;
import io.gantry.core.api.types.NetworkResource;
import io.gantry.core.api.types.ProgressMessage;
import io.gantry.core.api.types.StatsResponse;
import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.api.types.SystemVersion;
import io.gantry.core.api.types.VolumeResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        return followItems("/events", EventMessage.class, "engine-events", listener, onEnd);
    }

    // ---- containers

    @Override
    public List<ContainerSummary> listContainers(boolean all) {
        return get("/containers/json?all=" + (all ? 1 : 0), new TypeReference<List<ContainerSummary>>() { });
    }

    @Override
    public List<ContainerSummary> listContainersLabelled(String label) {
        String filters = "{\"label\":{" + quoted(label) + ":true}}";
        return get("/containers/json?all=1&filters=" + query(filters), new TypeReference<List<ContainerSummary>>() { });
    }

    @Override
    public ContainerInspect inspectContainer(String reference) {
        return get("/containers/" + segment(reference) + "/json", ContainerInspect.class);
    }

    @Override
    public ContainerCreateResponse createContainer(@Nullable String name, ContainerCreateRequest request) {
        String path = "/containers/create" + (name == null || name.isBlank() ? "" : "?name=" + query(name));
        return read(send("POST", path, write(request)), "POST /containers/create",
                json.constructType(ContainerCreateResponse.class));
    }

    @Override
    public void startContainer(String reference) {
        send("POST", "/containers/" + segment(reference) + "/start", new byte[0]);
    }

    @Override
    public void stopContainer(String reference, @Nullable Integer timeoutSeconds) {
        send("POST", "/containers/" + segment(reference) + "/stop" + (timeoutSeconds == null ? "" : "?t=" + timeoutSeconds),
                new byte[0]);
    }

    @Override
    public void restartContainer(String reference) {
        send("POST", "/containers/" + segment(reference) + "/restart", new byte[0]);
    }

    @Override
    public void killContainer(String reference, String signal) {
        send("POST", "/containers/" + segment(reference) + "/kill?signal=" + query(signal), new byte[0]);
    }

    @Override
    public void removeContainer(String reference, boolean force) {
        send("DELETE", "/containers/" + segment(reference) + "?force=" + (force ? 1 : 0), new byte[0]);
    }

    @Override
    public List<LogLine> logs(String reference, int tail) {
        boolean multiplexed = !inspectContainer(reference).config().tty();
        List<LogLine> lines = new ArrayList<>();
        try (EngineHttp.Streaming stream = openStream("GET", logPath(reference, tail, false), new byte[0])) {
            LogFrames.read(stream.body(), multiplexed, lines::add);
        } catch (IOException e) {
            throw new EngineUnreachableException("GET /containers/" + reference + "/logs: " + e.getMessage(), e);
        }
        return lines;
    }

    @Override
    public EventSubscription followLogs(String reference, int tail, Consumer<LogLine> listener, Runnable onEnd) {
        boolean multiplexed = !inspectContainer(reference).config().tty();
        EngineHttp.Streaming stream = openStream("GET", logPath(reference, tail, true), new byte[0]);
        return follow(stream, "engine-logs", body -> LogFrames.read(body, multiplexed, listener), onEnd);
    }

    private static String logPath(String reference, int tail, boolean follow) {
        return "/containers/" + segment(reference) + "/logs?stdout=1&stderr=1&timestamps=1&tail="
                + (tail < 0 ? "all" : Integer.toString(tail)) + (follow ? "&follow=1" : "");
    }

    // ---- stats and exec

    @Override
    public StatsResponse stats(String container) {
        return get("/containers/" + segment(container) + "/stats?stream=0", StatsResponse.class);
    }

    @Override
    public EventSubscription followStats(String container, Consumer<StatsResponse> listener, Runnable onEnd) {
        return followItems("/containers/" + segment(container) + "/stats?stream=1", StatsResponse.class, "engine-stats",
                listener, onEnd);
    }

    /**
     * Docker's exec without a terminal: create, start (the output arrives in stdcopy frames until the command ends),
     * then the exit code from the exec's inspect, which an engine records a moment after the stream ends.
     */
    @Override
    public ExecResult exec(String container, List<String> command) {
        ExecConfig config = new ExecConfig(false, true, true, false, List.copyOf(command), null, null, null, false, null);
        IdResponse exec = read(send("POST", "/containers/" + segment(container) + "/exec", write(config)),
                "POST /containers/" + container + "/exec", json.constructType(IdResponse.class));
        ExecOutput output = new ExecOutput();
        try (EngineHttp.Streaming stream = openStream("POST", "/exec/" + exec.id() + "/start",
                write(new ExecStartConfig(false, false)))) {
            output.read(stream.body());
        } catch (IOException e) {
            throw new EngineUnreachableException("exec in " + container + ": the stream broke off: " + e.getMessage(), e);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            ExecInspect inspect = get("/exec/" + exec.id() + "/json", ExecInspect.class);
            if (!inspect.running() && inspect.exitCode() != null) {
                return new ExecResult(inspect.exitCode(), output.stdout(), output.stderr());
            }
            sleep(50);
        }
        throw new EngineCallException(500, "exec in " + container + ": the command's output ended but it still runs");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineCallException(500, "interrupted");
        }
    }

    // ---- images

    @Override
    public List<ImageSummary> listImages() {
        return get("/images/json", new TypeReference<List<ImageSummary>>() { });
    }

    @Override
    public ImageInspect inspectImage(String name) {
        return get("/images/" + segment(name) + "/json", ImageInspect.class);
    }

    @Override
    public void pullImage(String image, String tag, @Nullable String registryAuth, Consumer<ProgressMessage> progress) {
        String path = "/images/create?fromImage=" + query(image) + "&tag=" + query(tag);
        Map<String, String> headers = registryAuth == null ? Map.of() : Map.of("X-Registry-Auth", registryAuth);
        try (EngineHttp.Streaming stream = openStream("POST", path, headers, new byte[0]);
                MappingIterator<ProgressMessage> items = json.readerFor(ProgressMessage.class).readValues(stream.body())) {
            while (items.hasNextValue()) {
                ProgressMessage message = items.nextValue();
                check(message);
                progress.accept(message);
            }
        } catch (IOException e) {
            throw new EngineUnreachableException("pull " + image + ":" + tag + ": the stream broke off: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ImageDeleteItem> removeImage(String name, boolean force) {
        return read(send("DELETE", "/images/" + segment(name) + "?force=" + (force ? 1 : 0), new byte[0]),
                "DELETE /images/" + name, json.getTypeFactory().constructCollectionType(List.class, ImageDeleteItem.class));
    }

    @Override
    public List<ImageSearchResult> searchImages(String term, int limit) {
        return get("/images/search?term=" + query(term) + "&limit=" + limit, new TypeReference<List<ImageSearchResult>>() { });
    }

    @Override
    public void tagImage(String name, String repo, String tag) {
        send("POST", "/images/" + segment(name) + "/tag?repo=" + query(repo) + "&tag=" + query(tag), new byte[0]);
    }

    @Override
    public List<ImageLayer> imageHistory(String name) {
        List<ImageLayer> layers = new ArrayList<>();
        for (JsonNode item : get("/images/" + segment(name) + "/history", JsonNode.class)) {
            List<String> tags = new ArrayList<>();
            item.path("Tags").forEach(t -> tags.add(t.asText()));
            layers.add(new ImageLayer(item.path("Id").asText(), Instant.ofEpochSecond(item.path("Created").asLong()),
                    item.path("CreatedBy").asText(), item.path("Size").asLong(), item.path("Comment").asText(), tags));
        }
        return layers;
    }

    @Override
    public PrunedImages pruneImages() {
        JsonNode answer = read(send("POST", "/images/prune?filters=" + query("{\"dangling\":[\"true\"]}"), new byte[0]),
                "POST /images/prune", json.constructType(JsonNode.class));
        List<String> untagged = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        answer.path("ImagesDeleted").forEach(item -> {
            if (item.hasNonNull("Untagged")) {
                untagged.add(item.get("Untagged").asText());
            }
            if (item.hasNonNull("Deleted")) {
                deleted.add(item.get("Deleted").asText());
            }
        });
        return new PrunedImages(untagged, deleted, answer.path("SpaceReclaimed").asLong());
    }

    @Override
    public void saveImage(String name, java.io.OutputStream out) {
        try (EngineHttp.Streaming stream = openStream("GET", "/images/" + segment(name) + "/get", new byte[0])) {
            stream.body().transferTo(out);
        } catch (IOException e) {
            throw new EngineUnreachableException("save " + name + ": the archive broke off: " + e.getMessage(), e);
        }
    }

    /** Reads the JSON lines of a load: progress lines pass, {@code stream} lines are the result, an error is thrown. */
    @Override
    public List<String> loadImages(java.io.InputStream archive, long length) {
        List<String> loaded = new ArrayList<>();
        try (EngineHttp.Streaming stream = upload("/images/load?quiet=1", archive, length);
                MappingIterator<JsonNode> items = json.readerFor(JsonNode.class).readValues(stream.body())) {
            while (items.hasNextValue()) {
                JsonNode item = items.nextValue();
                if (item.hasNonNull("errorDetail") || item.hasNonNull("error")) {
                    throw new EngineCallException(500, item.hasNonNull("errorDetail")
                            ? item.path("errorDetail").path("message").asText() : item.path("error").asText());
                }
                if (item.hasNonNull("stream") && !item.get("stream").asText().isBlank()) {
                    loaded.add(item.get("stream").asText().strip());
                }
            }
        } catch (IOException e) {
            throw new EngineUnreachableException("load: the stream broke off: " + e.getMessage(), e);
        }
        return loaded;
    }

    @Override
    public String importRootfs(java.io.InputStream tarball, long length, @Nullable String reference) {
        String path = "/images/create?fromSrc=-" + (reference == null ? "" : "&repo=" + query(reference));
        String id = "";
        try (EngineHttp.Streaming stream = upload(path, tarball, length);
                MappingIterator<ProgressMessage> items = json.readerFor(ProgressMessage.class).readValues(stream.body())) {
            while (items.hasNextValue()) {
                ProgressMessage message = items.nextValue();
                check(message);
                id = message.status() == null ? id : message.status();
            }
        } catch (IOException e) {
            throw new EngineUnreachableException("import: the stream broke off: " + e.getMessage(), e);
        }
        return id;
    }

    /** POSTs a tarball body as it is read; an error status is thrown with the engine's reason. */
    private EngineHttp.Streaming upload(String path, java.io.InputStream body, long length) {
        return checked(http.stream("POST", "/v" + apiVersion() + path, Map.of("Content-Type", "application/x-tar"),
                body, length), "POST " + path);
    }

    // ---- networks

    @Override
    public List<NetworkResource> listNetworks() {
        return get("/networks", new TypeReference<List<NetworkResource>>() { });
    }

    @Override
    public NetworkResource inspectNetwork(String network) {
        return get("/networks/" + segment(network), NetworkResource.class);
    }

    @Override
    public String createNetwork(String name) {
        NetworkCreateRequest request = new NetworkCreateRequest(name, "bridge", null, false, null, null, true);
        IdResponse created = read(send("POST", "/networks/create", write(request)), "POST /networks/create",
                json.constructType(IdResponse.class));
        return created.id();
    }

    @Override
    public void removeNetwork(String network) {
        send("DELETE", "/networks/" + segment(network), new byte[0]);
    }

    @Override
    public List<String> pruneNetworks() {
        JsonNode answer = read(send("POST", "/networks/prune", new byte[0]), "POST /networks/prune",
                json.constructType(JsonNode.class));
        List<String> removed = new ArrayList<>();
        answer.path("NetworksDeleted").forEach(name -> removed.add(name.asText()));
        return removed;
    }

    @Override
    public void connectNetwork(String network, String container, List<String> aliases) {
        var endpoint = new ContainerCreateRequest.EndpointSettings(List.copyOf(aliases), null, null, null, null, null,
                0, null, null);
        send("POST", "/networks/" + segment(network) + "/connect",
                write(new NetworkConnectRequest(container, endpoint, false)));
    }

    @Override
    public void disconnectNetwork(String network, String container, boolean force) {
        send("POST", "/networks/" + segment(network) + "/disconnect",
                write(new NetworkConnectRequest(container, null, force)));
    }

    // ---- volumes

    @Override
    public List<VolumeResource> listVolumes() {
        return get("/volumes", VolumeList.class).volumes();
    }

    @Override
    public VolumeResource inspectVolume(String name) {
        return get("/volumes/" + segment(name), VolumeResource.class);
    }

    @Override
    public VolumeResource createVolume(String name) {
        return read(send("POST", "/volumes/create", write(Map.of("Name", name))), "POST /volumes/create",
                json.constructType(VolumeResource.class));
    }

    @Override
    public void removeVolume(String name, boolean force) {
        send("DELETE", "/volumes/" + segment(name) + "?force=" + (force ? 1 : 0), new byte[0]);
    }

    /** The answer of {@code GET /volumes}; {@code Volumes} is null on Docker when there are none. */
    private record VolumeList(@com.fasterxml.jackson.annotation.JsonProperty("Volumes") @Nullable List<VolumeResource> volumes) {
        @Override
        public List<VolumeResource> volumes() {
            return volumes == null ? List.of() : volumes;
        }
    }

    @Override
    public List<String> pruneVolumes() {
        // Named volumes too: from API 1.42 only with the 'all' filter, which older engines refuse as unknown.
        String all = compare(apiVersion(), "1.42") >= 0 ? "?filters=" + query("{\"all\":[\"true\"]}") : "";
        JsonNode answer = read(send("POST", "/volumes/prune" + all, new byte[0]),
                "POST /volumes/prune", json.constructType(JsonNode.class));
        List<String> removed = new ArrayList<>();
        answer.path("VolumesDeleted").forEach(name -> removed.add(name.asText()));
        return removed;
    }

    // ---- terminals (exec and attach), commit

    @Override
    public String createExec(String container, List<String> command, List<String> environment, boolean tty) {
        ExecConfig config = new ExecConfig(true, true, true, tty, List.copyOf(command),
                environment.isEmpty() ? null : List.copyOf(environment), null, null, false, null);
        IdResponse created = read(send("POST", "/containers/" + segment(container) + "/exec", write(config)),
                "POST exec", json.constructType(IdResponse.class));
        return created.id();
    }

    @Override
    public TerminalStream startExec(String execId) {
        return hijack("/exec/" + segment(execId) + "/start", write(new ExecStartConfig(false, true)));
    }

    @Override
    public void resizeExec(String execId, int rows, int cols) {
        send("POST", "/exec/" + segment(execId) + "/resize?h=" + rows + "&w=" + cols, new byte[0]);
    }

    @Override
    public ExecStatus inspectExec(String execId) {
        ExecInspect exec = get("/exec/" + segment(execId) + "/json", ExecInspect.class);
        return new ExecStatus(exec.id(), exec.running(), exec.running() ? null : exec.exitCode());
    }

    @Override
    public TerminalStream attachContainer(String container) {
        return hijack("/containers/" + segment(container) + "/attach?stream=1&stdin=1&stdout=1&stderr=1", new byte[0]);
    }

    @Override
    public void resizeContainer(String container, int rows, int cols) {
        send("POST", "/containers/" + segment(container) + "/resize?h=" + rows + "&w=" + cols, new byte[0]);
    }

    @Override
    public String commitContainer(String container, String repo, String tag, String comment, String author) {
        String path = "/commit?container=" + query(container) + "&repo=" + query(repo) + "&tag=" + query(tag)
                + "&comment=" + query(comment) + "&author=" + query(author);
        IdResponse image = read(send("POST", path, write(Map.of())), "POST /commit", json.constructType(IdResponse.class));
        return image.id();
    }

    /** Takes a connection over; an engine refusal is thrown like any other answer. */
    private TerminalStream hijack(String path, byte[] body) {
        Map<String, String> headers = body.length == 0 ? Map.of() : Map.of("Content-Type", "application/json");
        EngineHttp.Hijacked hijacked = http.hijack("POST", "/v" + apiVersion() + path, headers, body);
        check(new EngineHttp.Response(hijacked.status(), Map.of(), hijacked.error()), "POST " + path);
        return hijacked;
    }

    // ---- transport

    /** Sends a request with a buffered answer, checked. */
    private EngineHttp.Response send(String method, String path, byte[] body) {
        Map<String, String> headers = body.length == 0 ? Map.of() : Map.of("Content-Type", "application/json");
        EngineHttp.Response response = http.exchange(method, "/v" + apiVersion() + path, headers, body);
        check(response, method + " " + path);
        return response;
    }

    /** Sends a request whose answer streams; an error status is read and thrown before any item is. */
    private EngineHttp.Streaming openStream(String method, String path, byte[] body) {
        return openStream(method, path, Map.of(), body);
    }

    private EngineHttp.Streaming openStream(String method, String path, Map<String, String> extraHeaders, byte[] body) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        if (body.length > 0) {
            headers.put("Content-Type", "application/json");
        }
        return checked(http.stream(method, "/v" + apiVersion() + path, headers, body), method + " " + path);
    }

    /** An error status of a streamed answer is read and thrown before any item is. */
    private EngineHttp.Streaming checked(EngineHttp.Streaming stream, String operation) {
        if (stream.status() >= 400) {
            try (stream) {
                check(new EngineHttp.Response(stream.status(), stream.headers(), stream.body().readAllBytes()), operation);
            } catch (IOException e) {
                throw new EngineCallException(stream.status(), operation + ": HTTP " + stream.status());
            }
        }
        return stream;
    }

    /** A body reader that may fail with an I/O error (the stream was closed, or the engine left). */
    private interface BodyReader {
        void read(java.io.InputStream body) throws IOException;
    }

    /** Follows a stream of JSON items (events, stats readings), each read as {@code type}. */
    private <T> EventSubscription followItems(String path, Class<T> type, String threadName, Consumer<T> listener,
            Runnable onEnd) {
        EngineHttp.Streaming stream = openStream("GET", path, new byte[0]);
        return follow(stream, threadName, body -> {
            try (MappingIterator<T> items = json.readerFor(type).readValues(body)) {
                while (items.hasNextValue()) {
                    listener.accept(items.nextValue());
                }
            }
        }, onEnd);
    }

    /**
     * Reads a followed stream on a daemon thread of its own. Closing the handle hangs the connection up; the reading
     * thread, woken by that, closes it (see {@link EngineHttp.Streaming#hangUp}).
     */
    private static EventSubscription follow(EngineHttp.Streaming stream, String threadName, BodyReader reader,
            Runnable onEnd) {
        AtomicBoolean closed = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            try {
                reader.read(stream.body());
            } catch (IOException | RuntimeException endOfStream) {
                // closed by the subscriber, or the engine went away: either way the stream is over
            } finally {
                closeQuietly(stream);
                onEnd.run();
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                stream.hangUp();
            }
        };
    }

    private static void closeQuietly(EngineHttp.Streaming stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path segment: names and ids pass as they are (slashes included, as the CLI sends them), the rest escaped. */
    static String segment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~:/@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private String quoted(String value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
        return read(send("GET", path, new byte[0]), "GET " + path, json.constructType(type));
    }

    private <T> T get(String path, TypeReference<T> type) {
        return read(send("GET", path, new byte[0]), "GET " + path, json.constructType(type));
    }

    private <T> T read(EngineHttp.Response response, String operation, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new EngineCallException(500, operation + ": the engine's answer is not what the API defines: "
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

    /** A failure inside a progress stream, after the 200 went out: the engine's message, as the CLI prints it. */
    private static void check(ProgressMessage message) {
        if (message.errorDetail() != null || message.error() != null) {
            String text = message.errorDetail() != null ? message.errorDetail().message() : message.error();
            throw new EngineCallException(500, text);
        }
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
