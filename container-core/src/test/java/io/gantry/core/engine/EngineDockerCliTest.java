package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole engine as {@code ./gantry engine} runs it, driven by the stock docker CLI: pull through a docker.io mirror
 * on loopback (no other registry may be contacted), run, logs, remove, remove the image.
 */
@Privileged
class EngineDockerCliTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    CliEngine engine;

    @BeforeAll
    static void pushBusybox() throws Exception {
        CliEngine.pushBusybox(REGISTRY, shared);
    }

    @BeforeEach
    void start() throws IOException {
        engine = CliEngine.start(REGISTRY, UnaryOperator.identity());
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        engine.close();
    }

    @Test
    void pull_run_logs_and_remove_through_the_docker_cli() throws Exception {
        assertThat(docker(0, "pull", "busybox")).contains("Pulling from library/busybox")
                .contains("Downloaded newer image for busybox:latest");
        assertThat(docker(0, "images", "--format", "{{.Repository}}:{{.Tag}}").strip()).isEqualTo("busybox:latest");
        assertThat(docker(0, "pull", "busybox")).contains("Image is up to date for busybox:latest");

        docker(0, "run", "-d", "--name", "web", "busybox", "sh", "-c", "echo hello from gantry; sleep 30");
        String logs = "";
        for (int i = 0; i < 100 && !logs.contains("hello"); i++) {
            logs = docker(0, "logs", "web");
            Thread.sleep(50);
        }
        assertThat(logs).contains("hello from gantry");
        assertThat(docker(0, "info", "--format", "{{.ContainersRunning}} {{.Images}}").strip()).isEqualTo("1 1");
        assertThat(docker(1, "rmi", "busybox")).contains("must force").contains("a container is using its referenced image");

        docker(0, "rm", "-f", "web");
        assertThat(docker(0, "rmi", "busybox")).contains("Untagged: busybox:latest").contains("Deleted: sha256:");
        assertThat(docker(0, "images", "-q").strip()).isEmpty();
    }

    @Test
    void a_published_port_serves_from_loopback_and_a_named_volume_outlives_its_container() throws Exception {
        docker(0, "pull", "busybox");
        docker(0, "run", "-d", "--name", "web", "-p", "127.0.0.1::80", "-v", "site:/www", "busybox", "sh", "-c",
                "echo hello-web > /www/index.html; exec httpd -f -p 80 -h /www");
        String published = docker(0, "port", "web", "80").strip();
        assertThat(published).startsWith("127.0.0.1:");

        assertThat(httpGet("http://" + published + "/index.html")).isEqualTo("hello-web\n");
        assertThat(docker(0, "ps", "--format", "{{.Ports}}")).contains("127.0.0.1:" + published.split(":")[1] + "->80/tcp");

        docker(0, "rm", "-f", "web");
        docker(0, "run", "-d", "--name", "reader", "-v", "site:/www", "busybox", "cat", "/www/index.html");
        assertThat(docker(0, "wait", "reader").strip()).isEqualTo("0");
        assertThat(docker(0, "logs", "reader")).isEqualTo("hello-web\n");
    }

    @Test
    void containers_on_a_user_network_reach_each_other_by_name_and_volumes_are_managed() throws Exception {
        docker(0, "pull", "busybox");
        docker(0, "network", "create", "appnet");
        assertThat(docker(0, "network", "ls", "--format", "{{.Name}}")).contains("appnet").contains("bridge");
        docker(0, "run", "-d", "--name", "db", "--network", "appnet", "busybox", "sh", "-c",
                "mkdir /www; echo db-answer > /www/index.html; exec httpd -f -p 80 -h /www");
        docker(0, "run", "-d", "--name", "client", "--network", "appnet", "--network-alias", "frontend", "busybox",
                "sh", "-c", "for i in $(seq 1 100); do wget -q -O - http://db/index.html && break; sleep 0.1; done");

        assertThat(docker(0, "wait", "client").strip()).isEqualTo("0");
        assertThat(docker(0, "logs", "client")).contains("db-answer");
        assertThat(docker(0, "network", "inspect", "appnet", "--format", "{{range .Containers}}{{.Name}} {{end}}"))
                .contains("db");

        docker(0, "volume", "create", "keep");
        assertThat(docker(0, "volume", "ls", "--format", "{{.Name}}")).contains("keep");
        docker(0, "volume", "rm", "keep");
        docker(0, "rm", "-f", "db", "client");
        docker(0, "network", "rm", "appnet");
        assertThat(docker(0, "network", "ls", "--format", "{{.Name}}")).doesNotContain("appnet");
    }

    @Test
    void a_committed_container_becomes_an_image_that_runs_with_its_changes() throws Exception {
        docker(0, "pull", "busybox");
        docker(0, "run", "--name", "maker", "busybox", "sh", "-c", "echo made-by-gantry > /made; rm /bin/vi");
        String id = docker(0, "commit", "-m", "add /made", "-c", "CMD [\"cat\", \"/made\"]", "maker", "mine:v1").strip();

        assertThat(id).startsWith("sha256:");
        assertThat(docker(0, "run", "--rm", "mine:v1")).isEqualTo("made-by-gantry\n");
        assertThat(docker(1, "run", "--rm", "mine:v1", "ls", "/bin/vi")).contains("No such file");
        assertThat(docker(0, "history", "--format", "{{.Comment}}", "mine:v1")).contains("add /made");
        docker(0, "rm", "maker");
        docker(0, "rmi", "mine:v1");
    }

    /** Bounded by 10 s, no fixed sleeps: the server inside may take a moment to listen. */
    private static String httpGet(String url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .timeout(java.time.Duration.ofSeconds(2)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void an_unknown_image_fails_the_pull_with_the_registrys_reason() throws Exception {
        assertThat(docker(1, "pull", "no-such-image")).contains("no-such-image");
        assertThat(docker(125, "run", "--rm", "no-such-image")).contains("no-such-image");
    }

    private String docker(int expectedExit, String... args) throws IOException, InterruptedException {
        return engine.docker(expectedExit, args);
    }
}
