package io.gantry.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged console whose embedded engine pulls docker.io images from a loopback registry and no other, with a
 * browser signed in as admin: the setting of the workflow journeys. Closing removes every container, the engine's
 * host state and the data root, and keeps the console's log beside the screenshots.
 */
public final class MirroredConsole implements AutoCloseable {

    public static final String PASSWORD = "a long admin password";

    private final String name;
    private final Path data;
    private final Path log;
    private final EngineLeftovers leftovers;
    private final ConsoleProcess console;
    private final Browser browser;
    private final String engineUrl;

    private MirroredConsole(String name, Path data, Path log, EngineLeftovers leftovers, ConsoleProcess console,
                            Browser browser, String engineUrl) {
        this.name = name;
        this.data = data;
        this.log = log;
        this.leftovers = leftovers;
        this.console = console;
        this.browser = browser;
        this.engineUrl = engineUrl;
    }

    /**
     * @param name      names the kept log: {@code <name>-console.log}
     * @param arguments more console settings, e.g. {@code --gantry.index-url=http://127.0.0.1:1234}
     */
    public static MirroredConsole start(String name, String registryHost, String... arguments) throws Exception {
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-it-" + name + "-");
        Path log = Files.createTempFile("gantry-it-" + name, ".log");
        EngineLeftovers leftovers = EngineLeftovers.before(data);
        List<String> settings = new ArrayList<>(List.of("--gantry.registry-mirrors=http://" + registryHost,
                "--gantry.only-configured-registries=true"));
        settings.addAll(List.of(arguments));
        ConsoleProcess console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD), settings);
        Browser browser = new Browser();
        browser.open(console.url("/"));
        browser.awaitPath("/login");
        browser.find("#login-form");
        browser.type("#login-form vaadin-text-field[name='username']", "admin");
        browser.type("#login-form vaadin-password-field[name='password']", PASSWORD);
        browser.clickAndAwaitNewPage("#login-form vaadin-button[theme~='submit']");
        browser.find("#search-box");
        browser.open(console.url("/settings"));
        String engineUrl = browser.text("#settings-engine-url").replace(" (embedded)", "");
        return new MirroredConsole(name, data, log, leftovers, console, browser, engineUrl);
    }

    /** The console JVM's resident memory, for benchmarks. */
    public long rssKib() throws IOException {
        return console.rssKib();
    }

    public Browser browser() {
        return browser;
    }

    public String url(String path) {
        return console.url(path);
    }

    public void open(String path) {
        browser.open(console.url(path));
    }

    /** Types a query into the search page's box and waits until the results of exactly that query are shown. */
    public void search(String query) {
        browser.type("#search-box", query);
        browser.await("the results for " + query, () -> "done".equals(attributeOf("#search-status", "data-state"))
                && textOf("#search-status").contains("“" + query + "”"));
    }

    /** Runs the docker CLI against the console's engine and returns its output; it must succeed. */
    public String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "-H", engineUrl));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_CONFIG", data.resolve("docker-config").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    /**
     * GETs a page from the host, as a browser on it would, until it answers with a body containing {@code text},
     * polling within {@code limit}; returns the body.
     */
    public static String awaitPage(String url, String text, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.body().contains(text)) {
                    return response.body();
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " did not show '" + text + "' within " + limit + "; last answer: " + last);
    }

    /** An element's text read in one script call, so a re-rendered page leaves no stale reference. */
    public String textOf(String css) {
        return String.valueOf(browser.script("const e = document.querySelector(arguments[0]); "
                + "return e ? e.textContent : '';", css));
    }

    /** A field's {@code value} property (a Vaadin field's, not its input's attribute, which stays as first rendered). */
    public String valueOf(String css) {
        return String.valueOf(browser.script("const e = document.querySelector(arguments[0]); "
                + "return e ? e.value : null;", css));
    }

    public String attributeOf(String css, String attribute) {
        return String.valueOf(browser.script("const e = document.querySelector(arguments[0]); "
                + "return e ? e.getAttribute(arguments[1]) : null;", css, attribute));
    }

    /** A grid's rendered rows, one line each, its cells' texts joined by {@code " | "}. */
    public String gridText(String css) {
        browser.find(css);
        return String.valueOf(browser.script("const g = document.querySelector(arguments[0]);"
                + " return Array.from(g.shadowRoot.querySelectorAll('tbody tr')).filter(r => !r.hidden)"
                + "   .map(r => Array.from(r.querySelectorAll('slot'))"
                + "     .map(s => s.assignedNodes().map(n => n.textContent.trim()).join(''))"
                + "     .filter(t => t !== '').join(' | '))"
                + "   .filter(t => t).join('\\n');", css));
    }

    /** A grid's row count (its {@code size}: Flow loads rows lazily), or -1 while there is no such grid. */
    public long gridSize(String css) {
        Object size = browser.script("const g = document.querySelector(arguments[0]); return g ? g.size : -1;", css);
        return size instanceof Long n ? n : -1;
    }

    /** Ticks the selection checkbox of the grid row one of whose cells reads {@code text}. */
    public void selectRow(String gridCss, String text) {
        browser.await("the row of " + text, () -> Boolean.TRUE.equals(browser.script(
                "const g = document.querySelector(arguments[0]); if (!g) return false;"
                        + " const row = Array.from(g.shadowRoot.querySelectorAll('tr[part~=\"row\"]')).find(r =>"
                        + "   Array.from(r.querySelectorAll('slot')).some(s => s.assignedNodes().some(n => n.textContent.trim() === arguments[1])));"
                        + " if (!row) return false;"
                        + " const box = Array.from(row.querySelectorAll('slot')).flatMap(s => s.assignedNodes())"
                        + "   .map(n => n.querySelector && n.querySelector('vaadin-checkbox')).find(b => b);"
                        + " if (!box) return false; box.click(); return true;", gridCss, text)));
        browser.awaitVaadin();
    }

    /** Ticks the first row's selection checkbox (not the header's select-all). */
    public void selectFirstRow(String gridCss) {
        browser.find(gridCss);
        browser.await("rows rendered", () -> Boolean.TRUE.equals(browser.script(
                "return document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content vaadin-checkbox:not(.vaadin-grid-select-all-checkbox)').length > 0;",
                gridCss)));
        browser.script("document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content vaadin-checkbox:not(.vaadin-grid-select-all-checkbox)')[0].click();",
                gridCss);
        browser.awaitVaadin();
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
            for (String id : docker("ps", "-aq").strip().lines().toList()) {
                docker("rm", "-f", id);
            }
        } finally {
            console.close();
            leftovers.remove();
            TestFiles.deleteTree(data);
            Path kept = Path.of(System.getProperty("gantry.screenshots", "target/screenshots"), name + "-console.log");
            Files.createDirectories(kept.getParent());
            Files.move(log, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
