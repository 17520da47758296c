package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.LogLine;
import io.gantry.core.api.types.NetworkResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the application tests on a real engine share: waiting for logs and pages, cleaning up, free ports. */
final class AppTestSupport {

    static final String ENGINE = "unix:///run/gantry/test.sock";
    static final String SHELL = "sh";
    /** Waits, and ends at once on SIGTERM (PID 1 ignores it unless it traps it), so that stop needs no timeout. */
    static final String IDLE = "trap 'exit 0' TERM; sleep 300 & wait";

    private AppTestSupport() {
    }

    /** Removes every container, application network and volume of the test engine, and every application record. */
    static void removeEverything(EngineClient engine, JdbcTemplate jdbc) {
        engine.listContainers(true).forEach(c -> engine.removeContainer(c.id(), true));
        engine.listNetworks().stream().map(NetworkResource::name).filter(n -> n.endsWith("_default"))
                .forEach(engine::removeNetwork);
        engine.listVolumes().forEach(v -> engine.removeVolume(v.name(), true));
        jdbc.update("DELETE FROM applications");
    }

    /** Each service's container id. */
    static Map<String, String> containers(ApplicationService applications, long app) {
        Map<String, String> ids = new LinkedHashMap<>();
        applications.services(app).forEach(s -> ids.put(s.name(), s.containerId()));
        return ids;
    }

    static void awaitLog(EngineClient engine, String container, String text) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (engine.logs(container, -1).stream().map(LogLine::text).anyMatch(text::equals)) {
                return;
            }
            pause();
        }
        assertThat(engine.logs(container, -1)).extracting(LogLine::text).contains(text);
    }

    /** Waits until {@code http://127.0.0.1:port/} answers with this text, and fails after 20 s. */
    static void awaitPage(int port, String text) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Optional<String> page = Optional.empty();
        while (System.nanoTime() < deadline) {
            page = get(port);
            if (page.filter(p -> p.strip().equals(text)).isPresent()) {
                return;
            }
            pause();
        }
        assertThat(page).as("the page on port " + port).contains(text + "\n");
    }

    /** The page at {@code http://127.0.0.1:port/}, or empty when nothing answers there. */
    static Optional<String> get(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try (InputStream in = c.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                c.disconnect();
            }
        } catch (IOException nothingThere) {
            return Optional.empty();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
