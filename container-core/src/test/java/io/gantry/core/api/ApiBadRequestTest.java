package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.ApiEngine;
import io.gantry.core.testing.EnginePair;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad requests, each sent byte for byte to Gantry and to Debian's dockerd 20.10: the status and message each answers,
 * the engine still serving afterwards, and nothing created by a request that failed (containers, networks and
 * volumes listed before and after). Where dockerd 20.10 answers differently the table says so and why; newer Docker
 * agrees with Gantry on those (malformed and mistyped JSON are 400 since Docker 23).
 */
@Privileged
class ApiBadRequestTest {

    @RegisterExtension
    static final EnginePair ENGINES = new EnginePair();

    /** What an engine answers: the status, and a part of the message (case-insensitive); null to leave it unchecked. */
    record Answer(int status, @Nullable String message) {
    }

    /** One bad request and what Gantry and dockerd 20.10 answer. */
    record Bad(String what, String method, String path, @Nullable String body, Answer gantry, Answer dockerd) {

        Answer expected(ApiEngine engine) {
            return engine.isDocker() ? dockerd : gantry;
        }
    }

    static Answer same(int status, @Nullable String message) {
        return new Answer(status, message);
    }

    static final String CREATE = "/v1.41/containers/create";
    static final String NO_NET = "\"HostConfig\":{\"NetworkMode\":\"none\"}";

    static final List<Bad> TABLE = List.of(
            new Bad("malformed JSON", "POST", CREATE, "{bad json", same(400, "invalid JSON"), same(500, "invalid character")),
            new Bad("a JSON array for an object", "POST", CREATE, "[]", same(400, "invalid JSON"), same(500, "cannot unmarshal array")),
            new Bad("a JSON null", "POST", CREATE, "null", same(400, "config cannot be empty"), same(400, "config cannot be empty")),
            new Bad("an empty body", "POST", CREATE, "", same(400, "config cannot be empty"), same(500, "EOF")),
            new Bad("a string where a number belongs", "POST", CREATE,
                    "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"none\",\"Memory\":\"lots\"}}",
                    same(400, "HostConfig.Memory must be a number"), same(500, "HostConfig.Memory of type int64")),
            new Bad("a number where a string belongs", "POST", CREATE, "{\"Image\":5," + NO_NET + "}",
                    same(400, "Image must be a string"), same(500, "cannot unmarshal number")),
            new Bad("an object in the command", "POST", CREATE, "{\"Image\":\"busybox\",\"Cmd\":[\"true\",{}]," + NO_NET + "}",
                    same(400, "Cmd[1] must be a string"),
                    same(500, "cannot unmarshal array into Go struct field ContainerConfigWrapper.Cmd")),
            new Bad("a name in use", "POST", CREATE + "?name=taken", "{\"Image\":\"busybox\"," + NO_NET + "}",
                    same(409, "Conflict. The container name \"/taken\" is already in use by container"),
                    same(409, "Conflict. The container name \"/taken\" is already in use by container")),
            new Bad("an invalid name", "POST", CREATE + "?name=bad%20name", "{\"Image\":\"busybox\"," + NO_NET + "}",
                    same(400, "Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"),
                    same(400, "Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")),
            new Bad("a one-letter name", "POST", CREATE + "?name=x", "{\"Image\":\"busybox\"," + NO_NET + "}",
                    same(400, "Invalid container name (x)"), same(400, "Invalid container name (x)")),
            new Bad("a container port out of range", "POST", CREATE,
                    "{\"Image\":\"busybox\",\"HostConfig\":{\"PortBindings\":{\"99999/tcp\":[{\"HostPort\":\"80\"}]}}}",
                    same(400, "invalid port specification: \"99999\""), same(400, "invalid port specification: \"99999\"")),
            new Bad("a host port that is no number", "POST", CREATE,
                    "{\"Image\":\"busybox\",\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"abc\"}]}}}",
                    same(400, "invalid port specification: \"abc\""), same(400, "invalid port specification: \"abc\"")),
            new Bad("an unknown restart policy", "POST", CREATE,
                    "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"none\",\"RestartPolicy\":{\"Name\":\"sometimes\"}}}",
                    same(400, "invalid restart policy 'sometimes'"), same(400, "invalid restart policy 'sometimes'")),
            new Bad("an unknown capability, after the network and an anonymous volume were prepared", "POST", CREATE,
                    "{\"Image\":\"busybox\",\"HostConfig\":{\"Binds\":[\"/data\"],\"CapAdd\":[\"NOPE\"]}}",
                    same(400, "unknown capability: \"NOPE\""), same(400, "unknown capability: \"CAP_NOPE\"")),
            new Bad("an unknown image", "POST", CREATE, "{\"Image\":\"nothing-here\"," + NO_NET + "}",
                    same(404, "No such image: nothing-here:latest"), same(404, "No such image: nothing-here:latest")),
            new Bad("an unknown container", "GET", "/v1.41/containers/nothing/json", null,
                    same(404, "No such container: nothing"), same(404, "No such container: nothing")),
            new Bad("starting an unknown container", "POST", "/v1.41/containers/nothing/start", null,
                    same(404, "No such container: nothing"), same(404, "No such container: nothing")),
            new Bad("removing an unknown container", "DELETE", "/v1.41/containers/nothing", null,
                    same(404, "No such container: nothing"), same(404, "No such container: nothing")),
            new Bad("an unknown exec", "GET", "/v1.41/exec/nothing/json", null,
                    same(404, "No such exec instance: nothing"), same(404, "No such exec instance: nothing")),
            new Bad("an unknown network", "GET", "/v1.41/networks/nothing", null,
                    same(404, "network nothing not found"), same(404, "network nothing not found")),
            new Bad("an unknown volume", "GET", "/v1.41/volumes/nothing", null,
                    same(404, "no such volume"), same(404, "no such volume")),
            new Bad("an unknown image inspected", "GET", "/v1.41/images/nothing/json", null,
                    same(404, "No such image: nothing"), same(404, "No such image: nothing")),
            new Bad("an unknown path", "GET", "/v1.41/nothing", null, same(404, "page not found"), same(404, "page not found")),
            new Bad("an API version below every engine's minimum", "GET", "/v1.11/version", null,
                    same(400, "client version 1.11 is too old. Minimum supported API version is 1.24"),
                    same(400, "client version 1.11 is too old. Minimum supported API version is 1.12")),
            new Bad("API 1.12, which dockerd 20.10 still serves", "GET", "/v1.12/version", null,
                    same(400, "client version 1.12 is too old"), same(200, null)),
            new Bad("an API version above the engine's", "GET", "/v9.99/version", null,
                    same(400, "client version 9.99 is too new. Maximum supported API version is 1.47"),
                    same(400, "client version 9.99 is too new. Maximum supported API version is 1.41")),
            new Bad("filters that are no JSON", "GET", "/v1.41/containers/json?filters=%7Bbad", null,
                    same(400, "invalid filter"), same(500, "invalid character")),
            new Bad("an unknown status filter", "GET", "/v1.41/containers/json?filters=%7B%22status%22%3A%5B%22bogus%22%5D%7D", null,
                    same(400, "invalid filter 'status=bogus'"), same(400, "invalid filter 'status=bogus'")),
            new Bad("an unknown filter", "GET", "/v1.41/containers/json?filters=%7B%22colour%22%3A%5B%22red%22%5D%7D", null,
                    same(400, "invalid filter 'colour'"), same(400, "invalid filter 'colour'")),
            new Bad("an unknown wait condition", "POST", "/v1.41/containers/taken/wait?condition=bogus", null,
                    same(400, "invalid condition: \"bogus\""), same(200, null)),
            new Bad("logs of no stream", "GET", "/v1.41/containers/taken/logs", null,
                    same(400, "you must choose at least one stream"), same(400, "you must choose at least one stream")),
            new Bad("killing a container that is not running", "POST", "/v1.41/containers/taken/kill", null,
                    same(409, "is not running"), same(409, "is not running")),
            new Bad("top of a container that is not running", "GET", "/v1.41/containers/taken/top", null,
                    same(409, "is not running"), same(409, "is not running")),
            new Bad("exec in a container that is not running", "POST", "/v1.41/containers/taken/exec", "{\"Cmd\":[\"true\"]}",
                    same(409, "is not running"), same(409, "is not running")),
            new Bad("removing a running container", "DELETE", "/v1.41/containers/runner", null,
                    same(409, "container is running"), same(409, "You cannot remove a running container")),
            new Bad("renaming to a name in use", "POST", "/v1.41/containers/runner/rename?name=taken", null,
                    same(409, "is already in use"), same(409, "is already in use")),
            new Bad("a network named like a predefined one", "POST", "/v1.41/networks/create", "{\"Name\":\"bridge\"}",
                    same(403, "operation is not permitted on predefined bridge network"),
                    same(403, "operation is not permitted on predefined bridge network")),
            new Bad("a network name in use", "POST", "/v1.41/networks/create", "{\"Name\":\"taken-net\",\"CheckDuplicate\":true}",
                    same(409, "network with name taken-net already exists"),
                    same(409, "network with name taken-net already exists")),
            new Bad("an invalid volume name", "POST", "/v1.41/volumes/create", "{\"Name\":\"bad name\"}",
                    same(400, "bad name"), same(400, "bad name")),
            new Bad("a volume body that is no object", "POST", "/v1.41/volumes/create", "[1]",
                    same(400, "invalid JSON"), same(400, "cannot unmarshal array")));

    @AfterEach
    void clear() throws Exception {
        ENGINES.gantry().clear();
        ENGINES.dockerd().clear();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gantry", "dockerd"})
    void each_bad_request_gets_its_status_and_message_and_leaves_nothing_behind(String name) throws Exception {
        ApiEngine engine = ENGINES.named(name);
        engine.cli().run(0, "create", "--name", "taken", "--network", "none", "busybox", "true");
        engine.cli().run(0, "run", "-d", "--name", "runner", "--network", "none", "busybox", "sleep", "300");
        engine.cli().run(0, "network", "create", "taken-net");
        String before = inventory(engine);
        SoftAssertions softly = new SoftAssertions();

        for (Bad bad : TABLE) {
            RawHttp.Response response = send(engine, bad.method(), bad.path(), bad.body());
            Answer expected = bad.expected(engine);
            softly.assertThat(response.status()).as(engine + ": " + bad.what() + " → " + response.body())
                    .isEqualTo(expected.status());
            if (expected.message() != null) {
                softly.assertThat(response.body().toLowerCase(Locale.ROOT)).as(engine + ": " + bad.what())
                        .contains(expected.message().toLowerCase(Locale.ROOT).replace("\"", "\\\""));
            }
        }

        softly.assertThat(send(engine, "GET", "/_ping", null).status()).as(engine + " still serves").isEqualTo(200);
        softly.assertThat(inventory(engine)).as(engine + ": nothing created by a failed request").isEqualTo(before);
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gantry", "dockerd"})
    void a_huge_body_is_refused_without_reading_it_all_and_the_engine_carries_on(String name) throws Exception {
        ApiEngine engine = ENGINES.named(name);
        byte[] huge = new byte[6 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        String before = inventory(engine);

        RawHttp.Response response = sendBytes(engine, "POST", CREATE, huge);

        if (engine.isDocker()) {
            assertThat(response.status()).as("dockerd reads it all, finds no JSON in it").isEqualTo(500);
        } else {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("request body too large: more than 4194304 bytes");
        }
        assertThat(send(engine, "GET", "/_ping", null).status()).isEqualTo(200);
        assertThat(inventory(engine)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gantry", "dockerd"})
    void unknown_fields_are_ignored_and_a_command_string_is_a_one_word_command_as_dockerd_reads_them(String name) throws Exception {
        ApiEngine engine = ENGINES.named(name);
        RawHttp.Response created = send(engine, "POST", CREATE + "?name=lenient",
                "{\"Image\":\"busybox\",\"Cmd\":\"true\",\"Colour\":\"red\",\"HostConfig\":{\"NetworkMode\":\"none\","
                        + "\"Sparkle\":true}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(engine.cli().run(0, "inspect", "--format", "{{json .Config.Cmd}}", "lenient").strip())
                .isEqualTo("[\"true\"]");
    }

    /** Containers (names), networks and volumes: what a failed request must not change. */
    private static String inventory(ApiEngine engine) throws IOException, InterruptedException {
        return engine.cli().run(0, "ps", "-a", "--format", "{{.Names}}").lines().sorted().toList() + " "
                + engine.cli().run(0, "network", "ls", "--format", "{{.Name}}").lines().sorted().toList() + " "
                + engine.cli().run(0, "volume", "ls", "-q").lines().sorted().toList();
    }

    private static RawHttp.Response send(ApiEngine engine, String method, String path, @Nullable String body)
            throws IOException {
        return sendBytes(engine, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body on a thread of its own, so that an engine answering before it read everything is seen doing so. */
    private static RawHttp.Response sendBytes(ApiEngine engine, String method, String path, byte @Nullable [] body)
            throws IOException {
        try (RawHttp http = new RawHttp(engine.socket())) {
            http.send(method + " " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n");
            if (body != null) {
                Thread writer = new Thread(() -> {
                    try {
                        http.sendBytes(body);
                    } catch (IOException engineStoppedReading) {
                        // the answer is what counts
                    }
                }, "bad-request-body");
                writer.setDaemon(true);
                writer.start();
            }
            return http.read(method.equals("HEAD"));
        }
    }
}
