package io.gantry.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.console.api.ApiClient.Answer;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.EngineLeftovers;
import io.gantry.console.testing.TestFiles;
import io.gantry.console.testing.TestRegistryImages;
import io.gantry.core.instance.EngineInstance;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.DockerCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST API of the packaged console, called as a script would call it (HTTP Basic, JSON), on the console's own
 * engine pulling busybox from a loopback registry: a three-service template uploaded, deployed with its parameters,
 * edited, saved as a template and deployed again; a search over templates, local images and an unreachable index; a container removed with the docker CLI recreated; every failure
 * answered with its status and reason.
 */
class ApiIT {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static final String PASSWORD = "a long admin password";
    static final String SHOP = """
            name: API shop
            description: Three services for the REST API test.
            keywords: test, api
            images:
              - name: web
                source: busybox:latest
                ports:
                  - host_interface: 127.0.0.1
                    host_port: ${WEB_PORT:?Choose a host port}
                    container_port: 80
                environment:
                  - variable: PAGE
                    value: ${GREETING:-hello from web}
                command: sh -c 'mkdir -p /www && echo "$PAGE" > /www/index.html && trap "exit 0" TERM; httpd -f -p 80 -h /www & wait'
              - name: client
                source: busybox:latest
                links:
                  - service: web
                    alias: site
                command: sh -c 'until wget -q -O - http://site/; do sleep 0.2; done; trap "exit 0" TERM; sleep 300 & wait'
              - name: store
                source: busybox:latest
                volumes:
                  - host_path: data
                    container_path: /data
                command: sh -c 'echo start >> /data/log && trap "exit 0" TERM; sleep 300 & wait'
            """;

    static Path data;
    static Path log;
    static ConsoleProcess console;
    static EngineLeftovers leftovers;
    static ApiClient api;
    static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        TestRegistryImages.pushBusybox(REGISTRY.host());
        data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-it-api-");
        log = Files.createTempFile("gantry-it-api", ".log");
        leftovers = EngineLeftovers.before(data);
        console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD),
                List.of("--gantry.registry-mirrors=http://" + REGISTRY.host(),
                        "--gantry.only-configured-registries=true"));
        api = new ApiClient(console.url(""), "admin", PASSWORD);
        docker = new DockerCli(EngineInstance.forDataRoot(data).runDir().resolve("gantry.sock"),
                Files.createDirectories(data.resolve("docker-cli")));
    }

    @AfterEach
    void removeApplicationsAndTemplates() {
        for (JsonNode app : api.get("/api/applications").json()) {
            assertThat(api.delete("/api/applications/" + app.get("id").asLong() + "?deleteVolumes=true").status())
                    .isEqualTo(204);
        }
        for (JsonNode template : api.get("/api/templates").json()) {
            if (!template.get("bundled").asBoolean()) {
                api.delete("/api/templates/" + template.get("id").asText());
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        leftovers.remove();
        TestFiles.deleteTree(data);
        Path kept = Path.of(System.getProperty("gantry.screenshots", "target/screenshots"), "ApiIT-console.log");
        Files.createDirectories(kept.getParent());
        Files.move(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void every_call_needs_the_credentials_of_a_console_account_and_no_session_is_made() {
        Answer anonymous = api.anonymous("GET", "/api/applications");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).contains("Basic realm=\"Gantry\"");
        assertThat(anonymous.json().get("message").asText()).contains("HTTP Basic");

        assertThat(api.as("admin", "wrong password!").get("/api/applications").status()).isEqualTo(401);

        Answer ok = api.get("/api/templates");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Set-Cookie")).as("stateless: no session cookie").isEmpty();
        assertThat(ok.json()).extracting(t -> t.get("id").asText()).contains("bundled:wordpress");
    }

    @Test
    void an_uploaded_template_deploys_with_its_parameters_its_services_run_linked_and_one_edit_replaces_one_container()
            throws Exception {
        String template = uploadShop();
        JsonNode detail = api.get("/api/templates/" + template).json();
        assertThat(detail.get("parameters")).extracting(p -> p.get("key").asText()).contains("WEB_PORT", "GREETING");

        int port = freePort();
        Answer created = api.post("/api/applications", Map.of("name", "Shop", "template", template,
                "parameters", Map.of("WEB_PORT", Integer.toString(port))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).contains("/api/applications/" + id);
        assertThat(created.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(created.json().get("services")).extracting(s -> s.get("status").asText())
                .containsOnly("running");
        awaitPage(port, "hello from web");
        String client = container(id, "client");
        awaitLogs(client, "hello from web");
        assertThat(docker.run(0, "inspect", "--format", "{{json .Config.Env}}", client))
                .contains("SITE_PORT_80_TCP_ADDR=site");

        Answer edited = api.patch("/api/applications/" + id + "/services/web",
                Map.of("environment", List.of(Map.of("name", "PAGE", "value", "changed by the API"))));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("recreated")).extracting(JsonNode::asText).containsExactly("web");
        assertThat(edited.json().get("untouched")).extracting(JsonNode::asText).containsExactly("client", "store");
        assertThat(container(id, "client")).isEqualTo(client);
        awaitPage(port, "changed by the API");
    }

    @Test
    void a_service_is_added_to_and_removed_from_a_running_application() throws Exception {
        long id = deployShop(freePort());
        String web = container(id, "web");

        Answer added = api.post("/api/applications/" + id + "/services", Map.of("name", "extra", "image",
                "busybox:latest", "links", List.of(Map.of("service", "web", "alias", "www")),
                "command", List.of("sh", "-c", "wget -q -O - http://www/; sleep 300")));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("created")).extracting(JsonNode::asText).containsExactly("extra");
        awaitLogs(container(id, "extra"), "hello from web");

        Answer removed = api.delete("/api/applications/" + id + "/services/extra");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(api.get("/api/applications/" + id).json().get("services")).extracting(s -> s.get("name").asText())
                .containsExactly("web", "client", "store");
        assertThat(container(id, "web")).isEqualTo(web);
    }

    @Test
    void a_container_removed_with_the_docker_cli_shows_missing_and_is_recreated_on_request() throws Exception {
        long id = deployShop(freePort());

        docker.run(0, "rm", "-f", "shop-store");

        awaitService(id, "store", s -> s.get("drift").asText().equals("missing")
                && s.get("status").asText().equals("missing"));
        Answer recreated = api.post("/api/applications/" + id + "/services/store/recreate", "");
        assertThat(recreated.status()).as(recreated.toString()).isEqualTo(200);
        assertThat(recreated.json().get("status").asText()).isEqualTo("running");
        for (int i = 0; i < 50 && !docker.run(0, "exec", "shop-store", "wc", "-l", "/data/log").startsWith("2"); i++) {
            pause();
        }
        assertThat(docker.run(0, "exec", "shop-store", "wc", "-l", "/data/log")).as("the volume kept the first start")
                .startsWith("2");
        awaitService(id, "store", s -> s.get("drift").asText().equals("in-sync"));
    }

    @Test
    void an_application_saved_as_a_template_deploys_again_to_an_equal_application() throws Exception {
        long id = deployShop(freePort());
        JsonNode before = api.get("/api/applications/" + id + "/services").json();

        Answer preview = api.post("/api/applications/" + id + "/template/preview", Map.of("name", "Shop again"));
        assertThat(preview.json().get("pmx").asText()).contains("name: Shop again", "alias: site");
        Answer saved = api.post("/api/applications/" + id + "/template", Map.of("name", "Shop again",
                "description", "Saved from the API", "keywords", List.of("shop")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        String template = saved.json().get("id").asText();
        assertThat(api.delete("/api/applications/" + id).status()).isEqualTo(204);

        Answer again = api.post("/api/applications", Map.of("template", template));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("name").asText()).isEqualTo("Shop again");
        JsonNode after = again.json().get("services");
        assertThat(settings(after)).isEqualTo(settings(before));
        assertThat(after).extracting(s -> s.get("status").asText()).containsOnly("running");
    }

    @Test
    void an_image_deploys_as_an_application_of_one_service_whose_cpu_and_memory_show() {
        Answer created = api.post("/api/applications", Map.of("image", "busybox:latest", "name", "Lonely"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("Lonely");
        assertThat(created.json().get("services")).extracting(s -> s.get("name").asText()).containsExactly("busybox");
        long id = created.json().get("id").asLong();
        Answer busy = api.patch("/api/applications/" + id + "/services/busybox",
                Map.of("command", List.of("sh", "-c", "while :; do :; done")));
        assertThat(busy.status()).as(busy.toString()).isEqualTo(200);
        assertThat(busy.json().get("application").get("services").get(0).get("status").asText())
                .as("busybox's own command (sh) had ended: the new container waits to be started").isEqualTo("created");
        assertThat(api.post("/api/applications/" + id + "/start", "").json().get("state").asText())
                .isEqualTo("RUNNING");

        JsonNode metrics = api.get("/api/applications/" + id + "/metrics").json();
        for (long deadline = System.nanoTime() + 30_000_000_000L; // one reading is one interval of a loaded host
             metrics.get("services").get(0).get("cpuPercent").asDouble() <= 20 && System.nanoTime() < deadline; ) {
            metrics = api.get("/api/applications/" + id + "/metrics").json();
        }
        assertThat(metrics.get("services").get(0).get("cpuPercent").asDouble()).isGreaterThan(20);
        assertThat(metrics.get("memoryBytes").asLong()).isPositive();
        JsonNode host = api.get("/api/host/metrics").json();
        assertThat(host.get("cpus").asInt()).isPositive();
        assertThat(host.get("memoryUsedBytes").asLong()).isPositive();
        assertThat(api.get("/api/host").json().get("engineUrl").asText()).startsWith("unix://");
    }

    @Test
    void one_query_finds_templates_and_local_images_names_the_unreachable_index_and_lists_tags_on_demand()
            throws Exception {
        docker.run(0, "pull", "busybox:latest");

        JsonNode wordpress = api.get("/api/search?q=wordpress").json();
        assertThat(wordpress.get("templates")).extracting(t -> t.get("id").asText()).contains("bundled:wordpress");
        JsonNode busybox = api.get("/api/search?q=busybox").json();
        assertThat(busybox.get("query").asText()).isEqualTo("busybox");
        assertThat(busybox.get("localImages")).anySatisfy(hit -> {
            assertThat(hit.get("repository").asText()).isEqualTo("busybox");
            assertThat(hit.get("local").asBoolean()).isTrue();
            assertThat(hit.get("tags")).extracting(JsonNode::asText).contains("latest");
        });
        assertThat(busybox.get("failures")).as("the index of this test is a closed port; the other sources answer")
                .anySatisfy(f -> assertThat(f.get("source").asText()).isEqualTo("Docker Hub"));

        Answer tags = api.get("/api/search/tags?source=Docker%20Hub&repository=busybox");
        assertThat(tags.status()).as(tags.toString()).isEqualTo(200);
        assertThat(tags.json()).extracting(JsonNode::asText).as("read from the engine's docker.io mirror")
                .contains("latest");
        assertError(api.get("/api/search/tags?source=Nowhere&repository=busybox"), 400, "No search source is called");
        assertError(api.get("/api/search/tags?source=Docker%20Hub&repository=no/such-image"), 502, "no/such-image");
        assertError(api.get("/api/search"), 400, "q");
    }

    @Test
    void failures_answer_with_their_status_and_reason_and_leave_nothing_behind() throws Exception {
        String template = uploadShop();
        assertError(api.get("/api/applications/999"), 404, "no application 999");
        assertError(api.get("/api/nothing-here"), 404, "There is no API call GET /api/nothing-here");
        assertError(api.post("/api/applications", "{not json"), 400, "not the JSON this call takes");
        assertError(api.post("/api/applications", Map.of("template", template, "image", "busybox")), 400,
                "either a template");
        Answer missing = api.post("/api/applications", Map.of("template", template));
        assertError(missing, 400, "Choose a host port");
        assertThat(missing.json().get("missing")).extracting(JsonNode::asText).contains("WEB_PORT");
        assertError(api.get("/api/templates/user:424242"), 404, "user:424242");
        assertError(api.delete("/api/templates/bundled:wordpress"), 400, "cannot be deleted");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Answer refused = api.post("/api/applications", Map.of("template", template, "parameters",
                    Map.of("WEB_PORT", Integer.toString(taken.getLocalPort()))));
            assertError(refused, 409, "service 'web'");
            assertThat(refused.json().get("service").asText()).isEqualTo("web");
            assertThat(refused.json().get("message").asText()).contains(Integer.toString(taken.getLocalPort()));
        }
        assertThat(api.get("/api/applications").json()).isEmpty();
        assertThat(docker.run(0, "ps", "-aq").strip()).isEmpty();

        long id = deployShop(freePort());
        assertError(api.patch("/api/applications/" + id + "/services/web", Map.of("restart", "sometimes")), 400,
                "sometimes");
        assertError(api.delete("/api/applications/" + id + "/services/web"), 400, "still needs it");
        assertError(api.get("/api/applications/" + id + "/services/nope"), 404, "no service 'nope'");
        String huge = "# " + "x".repeat(9 * 1024 * 1024) + "\n";
        assertError(api.upload("/api/templates", "huge.pmx", huge), 400, "too large for a template");
        assertError(api.send("POST", "/api/templates?fileName=huge.pmx", "application/yaml", huge), 400,
                "too large for a template");
    }

    private static void assertError(Answer answer, int status, String text) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.json().get("message").asText()).contains(text);
    }

    private String uploadShop() {
        Answer uploaded = api.upload("/api/templates", "shop.pmx", SHOP);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("template").get("id").asText();
        assertThat(api.get("/api/templates").json()).extracting(t -> t.get("id").asText()).contains(id);
        return id;
    }

    private long deployShop(int port) {
        Answer created = api.post("/api/applications", Map.of("name", "Shop", "template", uploadShop(),
                "parameters", Map.of("WEB_PORT", Integer.toString(port))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        awaitPage(port, "hello from web");
        return created.json().get("id").asLong();
    }

    private String container(long id, String service) {
        return api.get("/api/applications/" + id + "/services/" + service).json().get("containerId").asText();
    }

    /** The services' settings without what differs between two deployments (the container). */
    private static List<JsonNode> settings(JsonNode services) {
        List<JsonNode> out = new ArrayList<>();
        services.forEach(s -> out.add(s.get("settings")));
        return out;
    }

    private void awaitService(long id, String service, Predicate<JsonNode> expected) {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            last = api.get("/api/applications/" + id + "/services/" + service).json();
            if (expected.test(last)) {
                return;
            }
            pause();
        }
        throw new AssertionError("service " + service + " never got there: " + last);
    }

    private void awaitLogs(String container, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (docker.run(0, "logs", container).contains(text)) {
                return;
            }
            pause();
        }
        assertThat(docker.run(0, "logs", container)).contains(text);
    }

    private static void awaitPage(int port, String text) {
        String last = "";
        for (int i = 0; i < 100; i++) {
            try (var in = URI.create("http://127.0.0.1:" + port + "/").toURL().openStream()) {
                last = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                if (last.equals(text)) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            pause();
        }
        throw new AssertionError("the page on port " + port + " never said " + text + "; last: " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
