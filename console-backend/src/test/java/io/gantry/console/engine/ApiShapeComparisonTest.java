package io.gantry.console.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.EnginePair;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gantry and dockerd 20.10 asked the same things at the same API version (1.41, dockerd's), after the same steps: the
 * set of JSON keys of every answer, values masked (see {@link JsonShape}), must be the same but for the differences
 * listed in {@link ApiShapeDifferences}. A new difference fails, and so does a listed one that is gone.
 */
@Privileged
class ApiShapeComparisonTest {

    @RegisterExtension
    static final EnginePair ENGINES = new EnginePair();

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request, named as the difference list names it; {@code {exec}} stands for the engine's exec ID. */
    record Call(String name, String method, String path, @Nullable String body) {
    }

    @Test
    void every_answer_has_dockers_keys_but_for_the_listed_differences() throws Exception {
        long since = System.currentTimeMillis() / 1000 - 1;
        Map<String, String> execs = new LinkedHashMap<>();
        ApiEngine gantry = ENGINES.gantry();
        ApiEngine dockerd = ENGINES.dockerd();
        for (ApiEngine engine : List.of(gantry, dockerd)) {
            execs.put(engine.name(), prepare(engine));
        }
        long until = System.currentTimeMillis() / 1000 + 1;
        Map<String, Set<String>> allowed = ApiShapeDifferences.parse();
        SoftAssertions softly = new SoftAssertions();

        for (Call call : calls(since, until)) {
            Set<String> g = shape(gantry, call, execs.get("gantry"));
            Set<String> d = shape(dockerd, call, execs.get("dockerd"));
            Set<String> differences = new TreeSet<>();
            d.stream().filter(k -> !g.contains(k)).forEach(k -> differences.add("-" + k));
            g.stream().filter(k -> !d.contains(k)).forEach(k -> differences.add("+" + k));
            Set<String> expected = allowed.getOrDefault(call.name(), Set.of());
            softly.assertThat(differences).as("%s: differences from dockerd (- only Docker has it, + only Gantry);"
                    + " listed in ApiShapeDifferences:%n%s", call.name(), String.join("\n", differences))
                    .isEqualTo(expected);
        }
        softly.assertThat(allowed.keySet()).as("every listed operation is compared")
                .isSubsetOf(calls(since, until).stream().map(Call::name).collect(Collectors.toSet()));
        softly.assertAll();
    }

    /**
     * The same steps on each engine: a named volume and a user network; a container running with a label, a published
     * port and the volume, connected to the network; one that exited; an exec that ran; an extra tag. Returns the
     * exec's ID.
     */
    private static String prepare(ApiEngine engine) throws Exception {
        var cli = engine.cli();
        cli.run(0, "volume", "create", "shape-vol");
        cli.run(0, "network", "create", "shape-net");
        cli.run(0, "run", "-d", "--name", "shape", "-l", "a=b", "-p", "127.0.0.1::80", "-v", "shape-vol:/data",
                "busybox", "sleep", "300");
        cli.run(0, "network", "connect", "shape-net", "shape");
        cli.run(0, "run", "--name", "exited", "busybox", "true");
        cli.run(0, "tag", "busybox", "shape/extra:1");
        JsonNode exec = JSON.readTree(exchange(engine, "POST", "/v1.41/containers/shape/exec",
                "{\"Cmd\":[\"true\"],\"AttachStdout\":true}").body());
        exchange(engine, "POST", "/v1.41/exec/" + exec.get("Id").asText() + "/start", "{\"Detach\":true}");
        return exec.get("Id").asText();
    }

    private static List<Call> calls(long since, long until) {
        String note = ENGINES.registry().host() + "%2F" + ApiEngine.NOTE_REPOSITORY.replace("/", "%2F");
        return List.of(
                new Call("GET /_ping", "GET", "/_ping", null),
                new Call("GET /version", "GET", "/v1.41/version", null),
                new Call("GET /info", "GET", "/v1.41/info", null),
                new Call("GET /events", "GET", "/v1.41/events?since=" + since + "&until=" + until, null),
                new Call("GET /system/df", "GET", "/v1.41/system/df", null),
                new Call("GET /containers/json", "GET", "/v1.41/containers/json?all=1&size=1", null),
                new Call("POST /containers/create", "POST", "/v1.41/containers/create?name=shape-new",
                        "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}"),
                new Call("GET /containers/{id}/json", "GET", "/v1.41/containers/shape/json", null),
                new Call("GET /containers/{id}/top", "GET", "/v1.41/containers/shape/top", null),
                new Call("GET /containers/{id}/stats", "GET", "/v1.41/containers/shape/stats?stream=0", null),
                new Call("POST /containers/{id}/wait", "POST", "/v1.41/containers/exited/wait", null),
                new Call("POST /containers/{id}/exec", "POST", "/v1.41/containers/shape/exec",
                        "{\"Cmd\":[\"true\"]}"),
                new Call("GET /exec/{id}/json", "GET", "/v1.41/exec/{exec}/json", null),
                new Call("POST /containers/prune", "POST", "/v1.41/containers/prune?filters="
                        + "%7B%22label%22%3A%5B%22none%22%5D%7D", null),
                new Call("POST /images/create", "POST", "/v1.41/images/create?fromImage=" + note + "&tag=latest", null),
                new Call("GET /images/json", "GET", "/v1.41/images/json", null),
                new Call("GET /images/{name}/json", "GET", "/v1.41/images/busybox:latest/json", null),
                new Call("GET /images/{name}/history", "GET", "/v1.41/images/busybox:latest/history", null),
                new Call("DELETE /images/{name}", "DELETE", "/v1.41/images/shape/extra:1", null),
                new Call("POST /images/prune", "POST", "/v1.41/images/prune", null),
                new Call("GET /networks", "GET", "/v1.41/networks?filters=%7B%22name%22%3A%5B%22shape-net%22%5D%7D", null),
                new Call("GET /networks/{id}", "GET", "/v1.41/networks/shape-net", null),
                new Call("POST /networks/create", "POST", "/v1.41/networks/create",
                        "{\"Name\":\"shape-new\",\"CheckDuplicate\":true}"),
                new Call("POST /networks/prune", "POST", "/v1.41/networks/prune?filters="
                        + "%7B%22label%22%3A%5B%22none%22%5D%7D", null),
                new Call("GET /volumes", "GET", "/v1.41/volumes", null),
                new Call("GET /volumes/{name}", "GET", "/v1.41/volumes/shape-vol", null),
                new Call("POST /volumes/create", "POST", "/v1.41/volumes/create", "{\"Name\":\"shape-new\"}"),
                new Call("POST /volumes/prune", "POST", "/v1.41/volumes/prune?filters="
                        + "%7B%22label%22%3A%5B%22none%22%5D%7D", null),
                new Call("an error", "GET", "/v1.41/containers/nothing-here/json", null));
    }

    /** The keys of the answer; a stream of JSON values (events, pull progress) gives the union of theirs. */
    private static Set<String> shape(ApiEngine engine, Call call, String exec) throws IOException {
        EngineHttp.Response response = exchange(engine, call.method(), call.path().replace("{exec}", exec), call.body());
        if (response.body().length == 0 || !response.headers().getOrDefault("Content-Type", "").contains("json")) {
            return Set.of("(" + response.status() + " " + new String(response.body(), StandardCharsets.UTF_8).strip() + ")");
        }
        Set<String> keys = new TreeSet<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(response.body())) {
            while (values.hasNextValue()) {
                keys.addAll(JsonShape.of(values.nextValue()));
            }
        }
        return keys;
    }

    private static EngineHttp.Response exchange(ApiEngine engine, String method, String path, @Nullable String body) {
        Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
        return new EngineHttp(engine.socket()).exchange(method, path, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
