package io.gantry.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.events.EventLog;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.images.ImageService;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact wire form of {@code POST /images/{name}/push} and {@code POST /auth}, byte for byte, against the HTTPS +
 * Basic registry: the push stream's lines as dockerd writes them (layer statuses with {@code progressDetail}, the
 * digest line, the {@code aux} line), and errors before and after streaming began.
 */
class RegistryEndpointsTest {

    @RegisterExtension
    static final LocalRegistry PLAIN = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry HTTPS = LocalRegistry.httpsWithBasicAuth();

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static TestImages.TestImage busybox;
    static RegistrySettings registries;

    @TempDir
    Path root;
    Path socket;
    EngineApi api;

    @BeforeAll
    static void publishBusybox() throws Exception {
        Set<String> hosts = new HashSet<>(PLAIN.hosts());
        hosts.addAll(HTTPS.hosts());
        registries = RegistrySettings.onlyConfigured(hosts).withCertsDir(HTTPS.certsDir());
        ContentStore source = FileContentStore.open(shared.resolve("source"));
        busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer());
        TestImages.push(new RegistryClient(registries), source, ImageReference.parse(PLAIN.host() + "/busybox:1"), busybox);
    }

    @BeforeEach
    void serve() throws IOException {
        ImageService images = ImageService.builder(root, new OverlaySnapshotter(root.resolve("snapshots")))
                .registry(new RegistryClient(registries)).platform(Platform.LINUX_AMD64).open();
        images.pull(PLAIN.host() + "/busybox:1", null, event -> { });
        images.tag(PLAIN.host() + "/busybox:1", HTTPS.host() + "/busybox:1");
        socket = Files.createTempDirectory("grep").resolve("gantry.sock");
        api = EngineApi.serve(new EngineApi.Settings("registry-endpoints", root, socket, List.of(), registries),
                new EngineApi.Services(new EventLog(Clock.systemUTC()), Optional.empty(), Optional.of(images)));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        Files.deleteIfExists(socket.getParent());
    }

    @Test
    void a_push_streams_dockers_progress_lines_ending_with_the_digest_and_aux() throws Exception {
        List<JsonNode> lines = lines(post("/v1.47/images/" + HTTPS.host() + "/busybox/push?tag=1", auth(LocalRegistry.USER.password()),
                "").body());
        String layer = busybox.layers().get(0).digest().shortHex();
        String digest = busybox.manifest().digest().toString();

        assertThat(lines.get(0).toString()).isEqualTo("{\"status\":\"The push refers to repository [" + HTTPS.host() + "/busybox]\"}");
        assertThat(lines.get(1).toString()).isEqualTo("{\"status\":\"Preparing\",\"id\":\"" + layer + "\",\"progressDetail\":{}}");
        assertThat(lines).filteredOn(line -> line.path("status").asText().equals("Pushing"))
                .allMatch(line -> line.path("id").asText().equals(layer) && line.path("progressDetail").path("total").asLong()
                        == busybox.layers().get(0).size())
                .last().satisfies(line -> assertThat(line.path("progressDetail").path("current").asLong())
                        .isEqualTo(busybox.layers().get(0).size()));
        assertThat(lines.get(lines.size() - 3).toString()).isEqualTo("{\"status\":\"Pushed\",\"id\":\"" + layer
                + "\",\"progressDetail\":{}}");
        assertThat(lines.get(lines.size() - 2).toString()).isEqualTo("{\"status\":\"1: digest: " + digest + " size: "
                + busybox.manifest().size() + "\"}");
        assertThat(lines.get(lines.size() - 1).toString()).isEqualTo("{\"progressDetail\":{},\"aux\":{\"Tag\":\"1\",\"Digest\":\""
                + digest + "\",\"Size\":" + busybox.manifest().size() + "}}");
    }

    @Test
    void a_push_refused_by_the_registry_ends_the_stream_with_an_error_line() throws Exception {
        RawHttp.Response response = post("/v1.47/images/" + HTTPS.host() + "/busybox/push?tag=1", auth("wrong"), "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode last = lines(response.body()).get(lines(response.body()).size() - 1);
        assertThat(last.path("errorDetail").path("message").asText()).contains("the registry refused the credentials of gantry");
        assertThat(last.path("error").asText()).isEqualTo(last.path("errorDetail").path("message").asText());
    }

    @Test
    void pushing_a_tag_that_does_not_exist_is_a_plain_404() throws Exception {
        RawHttp.Response response = post("/v1.47/images/" + HTTPS.host() + "/nothing/push?tag=1", auth("x"), "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"An image does not exist locally with the tag: " + HTTPS.host()
                + "/nothing\"}");
    }

    @Test
    void auth_answers_login_succeeded_or_401_with_the_reason() throws Exception {
        String good = "{\"username\":\"gantry\",\"password\":\"" + LocalRegistry.USER.password() + "\",\"serveraddress\":\""
                + HTTPS.host() + "\"}";
        RawHttp.Response ok = post("/v1.47/auth", "", good);
        RawHttp.Response refused = post("/v1.47/auth", "", good.replace(LocalRegistry.USER.password(), "wrong"));
        RawHttp.Response nobody = post("/v1.47/auth", "", "{\"serveraddress\":\"" + HTTPS.host() + "\"}");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).path("message").asText()).startsWith("login to " + HTTPS.host() + ": ")
                .contains("HTTP 401 UNAUTHORIZED").contains("the registry refused the credentials of gantry");
        assertThat(nobody.status()).isEqualTo(400);
    }

    private RawHttp.Response post(String path, String registryAuth, String body) throws IOException {
        try (RawHttp http = new RawHttp(socket)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            http.send("POST " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                    + (registryAuth.isEmpty() ? "" : "X-Registry-Auth: " + registryAuth + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body);
            return http.read(false);
        }
    }

    private static String auth(String password) {
        return Base64.getUrlEncoder().encodeToString(("{\"username\":\"gantry\",\"password\":\"" + password + "\",\"serveraddress\":\""
                + HTTPS.host() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(String body) throws IOException {
        assertThat(body).endsWith("\r\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\r\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
