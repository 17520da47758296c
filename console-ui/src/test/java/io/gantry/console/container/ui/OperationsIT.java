package io.gantry.console.container.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.testing.Browser;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.EngineLeftovers;
import io.gantry.console.testing.TestFiles;
import io.gantry.console.testing.TestRegistryImages;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.testing.DockerCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operations pages as a person uses them, on the console's own engine pulling busybox from a loopback registry:
 * a container made from the form with a published port and a named volume runs, its page links the port, charts its
 * usage and opens a terminal where {@code echo hi} prints {@code hi}; it is committed to an image, stopped and removed;
 * volumes and networks are created, refused while in use, removed and pruned; the activity log names the user.
 */
class OperationsIT {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static final String PASSWORD = "a long admin password";
    static final String WEB = "mkdir -p /www; echo served-by-busybox > /www/index.html; httpd -p 80 -h /www; "
            + "echo started; echo kept > /data/file; trap \"exit 0\" TERM; sleep 300 & wait";

    Path data;
    Path log;
    Browser browser;
    ConsoleProcess console;
    EngineLeftovers leftovers;
    DockerCli docker;
    String engineSocket;
    String testName;

    @BeforeAll
    static void fillRegistry() throws Exception {
        TestRegistryImages.pushBusybox(REGISTRY.host());
    }

    @BeforeEach
    void start(TestInfo test) throws Exception {
        testName = test.getTestMethod().orElseThrow().getName();
        data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-it-opsui-");
        log = Files.createTempFile("gantry-it-opsui", ".log");
        leftovers = EngineLeftovers.before(data);
        console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD),
                List.of("--gantry.registry-mirrors=http://" + REGISTRY.host(), "--gantry.only-configured-registries=true"));
        browser = new Browser();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (browser != null) {
                browser.screenshot("operations-last-" + testName);
                browser.close();
            }
            if (docker != null) {
                for (String id : docker.run(0, "ps", "-aq").strip().lines().toList()) {
                    docker.run(0, "rm", "-f", id);
                }
            }
        } finally {
            // whatever failed above, the console and what its engine put on the host go
            if (console != null) {
                console.close();
            }
            leftovers.remove();
            TestFiles.deleteTree(data);
        }
        Path kept = Path.of(System.getProperty("gantry.screenshots", "target/screenshots"), "OperationsIT-" + testName + "-console.log");
        Files.createDirectories(kept.getParent());
        Files.move(log, kept, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_container_from_the_form_publishes_its_port_opens_a_terminal_is_committed_stopped_and_removed()
            throws Exception {
        signIn();
        browser.open(console.url("/containers"));
        browser.click("#containers-new");
        browser.type("#new-image", "busybox:latest");
        browser.type("#new-name", "hello");
        browser.type("#new-command", "sh -c '" + WEB + "'");
        browser.typeArea("#new-ports", "127.0.0.1::80");
        browser.typeArea("#new-volumes", "itdata:/data");
        browser.screenshot("operations-new-container");
        browser.click("#new-create");
        browser.await("the container's page", () -> browser.currentPath().startsWith("/containers/"));
        browser.await("it runs", () -> textOf("#container-state").equals("Running"));
        browser.await("its log shows it started", () -> textOf("#logs-text").contains("started"));

        String link = String.valueOf(browser.script("return document.querySelector('#container-ports a').href;"));
        assertThat(link).startsWith("http://127.0.0.1:");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).isEqualTo("served-by-busybox\n");
        assertThat(textOf("#container-mounts")).contains("itdata → /data");

        browser.await("the CPU chart fills", () -> pointsIn("#chart-cpu") >= 2);
        assertThat(pointsIn("#chart-memory")).isPositive();
        assertThat(textOf("#chart-memory")).contains("Used");

        browser.click("#container-terminal");
        browser.await("the terminal connects", () -> "open".equals(browser.attribute("#terminal-screen", "data-state")));
        browser.sendKeys("#terminal-screen .terminal", "echo hi from $((40 + 2))\n");
        browser.await("the shell answers", () -> textOf("#terminal-screen").contains("hi from 42"));
        browser.screenshot("operations-terminal");
        assertThat(shellRuns()).as("the terminal's shell runs in the container").isTrue();
        browser.click("#terminal-close");
        browser.await("the shell ended with the dialog", () -> !shellRuns());
        assertThat(browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " const s = new WebSocket(new URL('terminal/socket/forged', document.baseURI).href.replace(/^http/, 'ws'));"
                + " s.onclose = e => done(e.code);")).as("a signed-in user without a ticket").isEqualTo(1008L);
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(console.url("/terminal/socket/forged").replace("http:", "ws:")),
                        new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS))
                .as("no terminal socket without signing in").hasCauseInstanceOf(WebSocketHandshakeException.class);

        browser.click("#container-commit");
        browser.type("#commit-reference", "hello-snapshot:1");
        browser.click("#commit-confirm");
        browser.await("the image exists", () -> imageExists("hello-snapshot:1"));

        browser.click("#container-action-stop");
        browser.await("it stopped", () -> textOf("#container-state").equals("Exited"));
        browser.click("#container-action-remove");
        browser.click("#container-remove-confirm");
        browser.awaitPath("/containers");
        assertThat(docker().run(0, "ps", "-aq").strip()).isEmpty();

        browser.open(console.url("/activity"));
        browser.await("the log lists the user's actions", () -> gridText("#activity-grid").contains("container.commit"));
        String activity = gridText("#activity-grid");
        assertThat(activity).contains("admin | ui | container.create | hello", "admin | ui | container.terminal | hello",
                "admin | ui | container.stop | hello", "admin | ui | container.remove | hello",
                "engine | engine | container.start | hello");
        browser.screenshot("operations-activity");

        browser.open(console.url("/dashboard"));
        assertThat(textOf("#count-images")).isEqualTo("2");
        assertThat(textOf("#count-running") + " " + textOf("#count-stopped") + " " + textOf("#count-volumes"))
                .isEqualTo("0 0 1");
        assertThat(gridText("#recent-events")).contains("container.destroy | hello");
        browser.await("the host charts have samples", () -> pointsIn("#host-chart-cpu") >= 2);
        assertThat(pointsIn("#host-chart-disk")).isEqualTo(pointsIn("#host-chart-cpu"));
        browser.screenshot("operations-dashboard");
    }

    @Test
    void volumes_and_networks_are_created_refused_while_in_use_removed_and_pruned() throws Exception {
        signIn();
        browser.open(console.url("/volumes"));
        browser.type("#volume-name", "keep-me");
        browser.click("#volume-create");
        browser.type("#volume-name", "spare");
        browser.click("#volume-create");
        browser.open(console.url("/networks"));
        browser.type("#network-name", "backend");
        browser.click("#network-create");
        browser.type("#network-name", "unused-net");
        browser.click("#network-create");
        assertThat(gridText("#networks-grid")).contains("backend", "unused-net", "bridge (built in)");

        docker().run(0, "run", "-d", "--name", "user", "--network", "backend", "-v", "keep-me:/data", "busybox",
                "sleep", "300");

        browser.open(console.url("/volumes"));
        assertThat(gridText("#volumes-grid")).contains("keep-me | local").contains("| user |");
        selectRow("#volumes-grid", "keep-me");
        browser.click("#volumes-remove");
        browser.click("#volumes-remove-confirm");
        browser.await("the refusal names the user", () -> textOf("#volumes-removal-result").contains("keep-me: in use by user"));
        browser.screenshot("operations-volume-in-use");
        browser.click("#volumes-prune");
        browser.click("#volumes-prune-confirm");
        browser.await("the unused volume went", () -> !gridText("#volumes-grid").contains("spare"));
        assertThat(docker().run(0, "volume", "ls", "-q").strip()).isEqualTo("keep-me");

        browser.open(console.url("/networks"));
        selectRow("#networks-grid", "backend");
        browser.click("#networks-remove");
        browser.click("#networks-remove-confirm");
        browser.await("the refusal names the user", () -> textOf("#networks-removal-result").contains("backend: in use by user"));
        browser.click("#networks-prune");
        browser.click("#networks-prune-confirm");
        browser.await("the unused network went", () -> !gridText("#networks-grid").contains("unused-net"));
        browser.screenshot("operations-networks");

        docker().run(0, "rm", "-f", "user");
        browser.open(console.url("/volumes"));
        selectRow("#volumes-grid", "keep-me");
        browser.click("#volumes-remove");
        browser.click("#volumes-remove-confirm");
        browser.await("removed once unused", () -> !gridText("#volumes-grid").contains("keep-me"));
        browser.open(console.url("/networks"));
        selectRow("#networks-grid", "backend");
        browser.click("#networks-remove");
        browser.click("#networks-remove-confirm");
        browser.await("removed once unused", () -> !gridText("#networks-grid").contains("backend"));
        assertThat(docker().run(0, "volume", "ls", "-q").strip()).isEmpty();
        assertThat(docker().run(0, "network", "ls", "--format", "{{.Name}}").strip()).isEqualTo("bridge");

        browser.open(console.url("/activity"));
        browser.type("#activity-filter", "keep-me");
        browser.await("filtered to one volume", () -> {
            String shown = gridText("#activity-grid");
            return shown.contains("volume.remove") && !shown.contains("network.");
        });
        String entries = gridText("#activity-grid");
        assertThat(entries).contains("admin | ui | volume.create | keep-me | ok",
                "admin | ui | volume.remove | keep-me | failed | in use by user",
                "admin | ui | volume.remove | keep-me | ok").doesNotContain("backend");
        browser.screenshot("operations-activity-filtered");
    }

    private void signIn() {
        browser.open(console.url("/"));
        browser.awaitPath("/login");
        browser.type("#login-form vaadin-text-field[name='username']", "admin");
        browser.type("#login-form vaadin-password-field[name='password']", PASSWORD);
        browser.clickAndAwaitNewPage("#login-form vaadin-button[theme~='submit']");
        browser.open(console.url("/dashboard"));
        engineSocket = URI.create(browser.text("#engine-url")).getPath();
    }

    private DockerCli docker() {
        if (docker == null) {
            docker = new DockerCli(Path.of(engineSocket), data.resolve("docker-config"));
        }
        return docker;
    }

    /** Whether an interactive shell (a process whose command line is just {@code sh}) runs in the container. */
    private boolean shellRuns() {
        try {
            return docker().run(0, "exec", "hello", "ps", "-o", "args").lines().anyMatch(l -> l.strip().equals("sh"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean imageExists(String reference) {
        try {
            return !docker().run(0, "images", "-q", reference).isBlank();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long pointsIn(String chartCss) {
        Object points = browser.script("const l = document.querySelector(arguments[0] + ' polyline');"
                + " return l ? Number(l.getAttribute('data-points')) : 0;", chartCss);
        return points instanceof Number n ? n.longValue() : 0;
    }

    /** The element's text, non-breaking spaces (as the terminal draws blanks) read as spaces. */
    private String textOf(String css) {
        return String.valueOf(browser.script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.textContent.replace(/\\u00a0/g, ' ') : '';", css));
    }

    /** The grid's rows as shown, cells joined by " | " (empty ones left out), rows by newlines. */
    private String gridText(String css) {
        browser.find(css);
        return String.valueOf(browser.script("const g = document.querySelector(arguments[0]);"
                + " return Array.from(g.shadowRoot.querySelectorAll('tbody tr')).filter(r => !r.hidden)"
                + "   .map(r => Array.from(r.querySelectorAll('slot'))"
                + "     .map(s => s.assignedNodes().map(n => n.textContent.trim()).join(''))"
                + "     .filter(t => t !== '').join(' | '))"
                + "   .filter(t => t).join('\\n');", css));
    }

    /** Ticks the selection checkbox of the row whose text contains {@code name}. */
    private void selectRow(String gridCss, String name) {
        browser.await("the row of " + name, () -> Boolean.TRUE.equals(browser.script(
                "const g = document.querySelector(arguments[0]); if (!g) return false;"
                        + " const row = Array.from(g.shadowRoot.querySelectorAll('tr[part~=\"row\"]')).find(r =>"
                        + "   Array.from(r.querySelectorAll('slot')).some(s => s.assignedNodes().some(n => n.textContent.trim() === arguments[1])));"
                        + " if (!row) return false;"
                        + " const box = Array.from(row.querySelectorAll('slot')).flatMap(s => s.assignedNodes())"
                        + "   .map(n => n.querySelector && n.querySelector('vaadin-checkbox')).find(b => b);"
                        + " if (!box) return false; box.click(); return true;", gridCss, name)));
        browser.awaitVaadin();
    }
}
