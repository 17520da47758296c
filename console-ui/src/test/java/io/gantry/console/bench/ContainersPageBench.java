package io.gantry.console.bench;

import io.gantry.console.testing.Browser;
import io.gantry.console.testing.MirroredConsole;
import io.gantry.console.testing.TestRegistryImages;
import io.gantry.core.registry.LocalRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./gantry bench console}: the containers page with {@value #CONTAINERS} containers on the console's own engine
 * (made with the docker CLI, {@value #RUNNING} of them running), measured in Chromium from the page request to the
 * grid holding every row with the Flow client idle, in the browser's own clock; then the console's resident memory.
 * Prints {@code BENCH containers-page-200 ...} and {@code BENCH console-rss-200 ...}. Removes everything it made
 * (the console's log is kept as {@code target/screenshots/ContainersPageBench-console.log}).
 */
public final class ContainersPageBench {

    static final int CONTAINERS = 200;
    static final int RUNNING = 10;

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
        try {
            TestRegistryImages.pushBusybox(registry.host());
            try (MirroredConsole console = MirroredConsole.start("ContainersPageBench", registry.host())) {
                measure(console, rounds);
            }
        } finally {
            registry.afterAll(null);
        }
    }

    private static void measure(MirroredConsole console, int rounds) throws Exception {
        Browser browser = console.browser();
        console.docker("pull", "busybox");
        for (int i = 0; i < CONTAINERS; i++) {
            String name = String.format(Locale.ROOT, "bench-%03d", i);
            if (i < RUNNING) {
                console.docker("run", "-d", "--name", name, "busybox", "sleep", "3600");
            } else {
                console.docker("create", "--name", name, "busybox", "true");
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
    }
}
