package io.gantry.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.network.NetworkConfig;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.NetworkLeftovers;
import io.gantry.core.testing.OutsideNamespace;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Published ports of a real engine process driven by the docker CLI, with each port driver: a random host port
 * reported by port, ps and inspect; HTTP from 127.0.0.1, from an outside client (a namespace with its own veth pair,
 * through the host-side address the test gave it) and from another container; still answering after the engine is
 * killed with SIGKILL; after a new engine and {@code docker stop} the forwarding is gone; a port held by a host
 * process or by another container refuses the start with a clear error and publishes nothing, and the stop of the
 * holder frees it.
 */
@Privileged
class PublishedPortsEngineTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    private static final String HTTPD = "mkdir -p /www; echo hello-$HOSTNAME > /www/index.html; exec httpd -f -p 80 -h /www";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void pushBusybox() throws Exception {
        CliEngine.pushBusybox(REGISTRY, shared);
    }

    @ParameterizedTest
    @EnumSource(NetworkConfig.PortDriver.class)
    void a_published_port_serves_everyone_outlives_a_killed_engine_and_leaves_with_the_stop(
            NetworkConfig.PortDriver driver) throws Exception {
        try (EngineChild engine = EngineChild.start(REGISTRY, driver);
             OutsideNamespace client = OutsideNamespace.create(shared, "gtpp")) {
            engine.docker(0, "pull", "-q", "busybox");
            engine.docker(0, "run", "-d", "--name", "web", "--hostname", "web", "-p", "80", "busybox", "sh", "-c", HTTPD);
            String published = engine.docker(0, "port", "web", "80").lines().findFirst().orElseThrow().strip();
            assertThat(published).startsWith("0.0.0.0:");
            int port = Integer.parseInt(published.substring("0.0.0.0:".length()));
            assertThat(engine.docker(0, "ps", "--format", "{{.Ports}}").strip()).isEqualTo("0.0.0.0:" + port + "->80/tcp");
            assertThat(engine.docker(0, "inspect", "-f", "{{json .HostConfig.PortBindings}}", "web").strip())
                    .isEqualTo("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]}");

            String loopback = "http://127.0.0.1:" + port + "/";
            String outside = "http://" + client.hostIp() + ":" + port + "/";
            assertThat(awaitGet(loopback)).isEqualTo("hello-web\n");
            assertThat(client.fetch(outside, 5)).isEqualTo("hello-web\n");
            String gateway = engine.docker(0, "inspect", "-f", "{{.NetworkSettings.Gateway}}", "web").strip();
            assertThat(engine.docker(0, "run", "--rm", "busybox", "wget", "-q", "-O", "-",
                    "http://" + gateway + ":" + port + "/")).isEqualTo("hello-web\n");
            assertForwarding(engine, driver, 1);

            engine.kill(); // SIGKILL: nothing of the engine runs, the kernel (or the detached proxy) still forwards
            assertThat(get(loopback)).isEqualTo("hello-web\n");
            assertThat(client.fetch(outside, 5)).isEqualTo("hello-web\n");

            engine.restart();
            assertThat(get(loopback)).isEqualTo("hello-web\n");
            assertThat(engine.docker(0, "port", "web", "80").strip()).isEqualTo(published);
            engine.docker(0, "stop", "-t", "1", "web");
            assertForwarding(engine, driver, 0);
            assertThat(get(loopback)).isEmpty();
            assertThat(client.fetch(outside, 2)).isEmpty();
            assertThat(engine.docker(0, "ps", "-a", "--format", "{{.Ports}}").strip()).isEmpty();
            assertThat(engine.docker(0, "inspect", "-f", "{{json .NetworkSettings.Ports}}", "web").strip()).isEqualTo("{}");

            engine.docker(0, "start", "web"); // a new start chooses a port again, and reports it
            String again = engine.docker(0, "port", "web", "80").lines().findFirst().orElseThrow().strip();
            assertThat(awaitGet("http://127.0.0.1:" + again.substring("0.0.0.0:".length()) + "/")).isEqualTo("hello-web\n");
            assertForwarding(engine, driver, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkConfig.PortDriver.class)
    void a_port_held_by_a_host_process_or_another_container_refuses_the_start_and_publishes_nothing(
            NetworkConfig.PortDriver driver) throws Exception {
        try (EngineChild engine = EngineChild.start(REGISTRY, driver);
             ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            engine.docker(0, "pull", "-q", "busybox");
            int busy = held.getLocalPort();
            String refused = engine.docker(DockerCliExit.START_FAILED, "run", "-d", "--name", "late",
                    "-p", "127.0.0.1:" + busy + ":80", "busybox", "sh", "-c", HTTPD);
            assertThat(refused).contains("127.0.0.1:" + busy).contains("already in use by a process on the host");
            assertThat(engine.docker(0, "ps", "-a", "--filter", "name=late", "--format", "{{.Status}}").strip())
                    .isEqualTo("Created");
            assertForwarding(engine, driver, 0);
            engine.docker(0, "rm", "late");

            engine.docker(0, "run", "-d", "--name", "first", "--hostname", "first", "-p", "127.0.0.1::80", "busybox",
                    "sh", "-c", HTTPD);
            int taken = Integer.parseInt(engine.docker(0, "port", "first", "80").strip().split(":")[1]);
            engine.docker(0, "create", "--name", "second", "--hostname", "second", "-p", "127.0.0.1:" + taken + ":80",
                    "busybox", "sh", "-c", HTTPD); // as in Docker, create does not reserve the port
            assertThat(engine.docker(DockerCliExit.FAILED, "start", "second"))
                    .contains("127.0.0.1:" + taken).contains("already published by container first");
            assertThat(awaitGet("http://127.0.0.1:" + taken + "/")).isEqualTo("hello-first\n");
            assertForwarding(engine, driver, 1);

            engine.docker(0, "stop", "-t", "1", "first");
            engine.docker(0, "start", "second");
            assertThat(awaitGet("http://127.0.0.1:" + taken + "/")).isEqualTo("hello-second\n");
        }
    }

    /** How many containers' ports the instance forwards now, through its table or its proxies. */
    static void assertForwarding(EngineChild engine, NetworkConfig.PortDriver driver, int containers) throws Exception {
        boolean kernel = driver == NetworkConfig.PortDriver.NFTABLES;
        assertThat(NetworkLeftovers.natElements(engine.instance())).hasSize(kernel && containers > 0 ? 1 : 0);
        assertThat(NetworkLeftovers.proxies(engine.instance())).hasSize(kernel ? 0 : containers);
    }

    /** The body of a 200 answer, or "" when nothing answers (within 2 s) or the answer is not a 200. */
    static String get(String url) throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** {@link #get}, retried for up to 10 s while the server inside the container comes up. */
    static String awaitGet(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = get(url);
        while (body.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            body = get(url);
        }
        return body;
    }

    /** The docker CLI's exit statuses for a refused request. */
    static final class DockerCliExit {
        /** {@code docker run} whose container could not start. */
        static final int START_FAILED = 125;
        /** Any other command the engine refused. */
        static final int FAILED = 1;

        private DockerCliExit() {
        }
    }
}
