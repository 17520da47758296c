package io.gantry.console.bench;

import io.gantry.console.testing.Browser;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.EngineLeftovers;
import io.gantry.console.testing.TestFiles;
import io.gantry.console.testing.TestRegistryImages;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.DockerCli;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./gantry bench console}: the containers page with {@value #CONTAINERS} containers on the console's own engine
 * (made with the docker CLI, {@value #RUNNING} of them running), measured in Chromium from the page request to the
 * grid holding every row with the Flow client idle, in the browser's own clock; then the console's resident memory.
 * Prints {@code BENCH containers-page-200 ...} and {@code BENCH console-rss-200 ...}. Removes everything it made.
 */
public final class ContainersPageBench {

    static final int CONTAINERS = 200;
    static final int RUNNING = 10;
    static final String PASSWORD = "a long bench password";

    /** Resolves with the milliseconds since navigation began once every grid row is there and Flow is idle. */
    static final String POPULATED = """
            const expected = arguments[0], done = arguments[arguments.length - 1];
            const check = () => {
              const grids = Array.from(document.querySelectorAll('vaadin-grid'));
              const rows = grids.reduce((n, g) => n + (g.size || 0), 0);
              const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
              const idle = clients && Object.values(clients).every(c => !c.isActive || !c.isActive());
              if (rows >= expected && idle) { done(performance.now()); } else { setTimeout(check, 5); }
            };
            check();
            """;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 7);
        LocalRegistry registry = new LocalRegistry();
        registry.beforeAll(null);
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-bench-console-");
        Path log = Files.createTempFile("gantry-bench-console", ".log");
        EngineLeftovers leftovers = EngineLeftovers.before(data);
        ConsoleProcess console = null;
        DockerCli docker = null;
        try (Browser browser = new Browser()) {
            TestRegistryImages.pushBusybox(registry.host());
            console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD), List.of(
                    "--gantry.registry-mirrors=http://" + registry.host(), "--gantry.only-configured-registries=true"));
            browser.open(console.url("/"));
            browser.awaitPath("/login");
            browser.type("#login-form vaadin-text-field[name='username']", "admin");
            browser.type("#login-form vaadin-password-field[name='password']", PASSWORD);
            browser.clickAndAwaitNewPage("#login-form vaadin-button[theme~='submit']");
            browser.open(console.url("/dashboard"));
            docker = new DockerCli(Path.of(URI.create(browser.text("#engine-url")).getPath()), data.resolve("docker-config"));
            docker.run(0, "pull", "busybox");
            for (int i = 0; i < CONTAINERS; i++) {
                String name = String.format(Locale.ROOT, "bench-%03d", i);
                if (i < RUNNING) {
                    docker.run(0, "run", "-d", "--name", name, "busybox", "sleep", "3600");
                } else {
                    docker.run(0, "create", "--name", name, "busybox", "true");
                }
            }
            List<Double> times = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                browser.openPlain("about:blank");
                browser.openPlain(console.url("/containers"));
                double ms = ((Number) browser.asyncScript(POPULATED, CONTAINERS)).doubleValue();
                if (round > 0) {
                    times.add(ms); // the first round warms the JIT and the page's caches
                }
            }
            times.sort(Double::compare);
            System.out.printf(Locale.ROOT, "BENCH containers-page-200 gantry_min_ms=%.0f gantry_median_ms=%.0f rounds=%d "
                    + "containers=%d running=%d%n", times.get(0), times.get(times.size() / 2), times.size(), CONTAINERS,
                    RUNNING);
            System.out.printf(Locale.ROOT, "BENCH console-rss-200 gantry_rss_mib=%.0f containers=%d%n",
                    console.rssKib() / 1024.0, CONTAINERS);
        } finally {
            if (docker != null) {
                for (String id : docker.run(0, "ps", "-aq").strip().lines().toList()) {
                    docker.run(0, "rm", "-f", id);
                }
            }
            if (console != null) {
                console.close();
            }
            leftovers.remove();
            TestFiles.deleteTree(data);
            Files.deleteIfExists(log);
            registry.afterAll(null);
        }
    }
}
