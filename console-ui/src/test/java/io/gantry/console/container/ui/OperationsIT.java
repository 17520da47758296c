package io.gantry.console.container.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.testing.MirroredConsoleJourney;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operations pages as a person uses them, on the console's own engine pulling busybox from a loopback registry:
 * a container made from the form with a published port and a named volume runs, its page links the port, charts its
 * usage and opens a terminal where {@code echo hi} prints {@code hi}; it is committed to an image, stopped and removed;
 * volumes and networks are created, refused while in use, removed and pruned; the activity log names the user.
 */
class OperationsIT extends MirroredConsoleJourney {

    static final String WEB = "mkdir -p /www; echo served-by-busybox > /www/index.html; httpd -p 80 -h /www; "
            + "echo started; echo kept > /data/file; trap \"exit 0\" TERM; sleep 300 & wait";

    @Test
    void a_container_from_the_form_publishes_its_port_opens_a_terminal_is_committed_stopped_and_removed()
            throws Exception {
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
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();

        browser.open(console.url("/activity"));
        browser.await("the log lists the user's actions", () -> console.gridText("#activity-grid").contains("container.commit"));
        String activity = console.gridText("#activity-grid");
        assertThat(activity).contains("admin | ui | container.create | hello", "admin | ui | container.terminal | hello",
                "admin | ui | container.stop | hello", "admin | ui | container.remove | hello",
                "engine | engine | container.start | hello");
        browser.screenshot("operations-activity");

        browser.open(console.url("/dashboard"));
        assertThat(textOf("#count-images")).isEqualTo("2");
        assertThat(textOf("#count-running") + " " + textOf("#count-stopped") + " " + textOf("#count-volumes"))
                .isEqualTo("0 0 1");
        assertThat(console.gridText("#recent-events")).contains("container.destroy | hello");
        browser.await("the host charts have samples", () -> pointsIn("#host-chart-cpu") >= 2);
        assertThat(pointsIn("#host-chart-disk")).isEqualTo(pointsIn("#host-chart-cpu"));
        browser.screenshot("operations-dashboard");
    }

    @Test
    void volumes_and_networks_are_created_refused_while_in_use_removed_and_pruned() throws Exception {
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
        assertThat(console.gridText("#networks-grid")).contains("backend", "unused-net", "bridge (built in)");

        console.docker("run", "-d", "--name", "user", "--network", "backend", "-v", "keep-me:/data", "busybox",
                "sleep", "300");

        browser.open(console.url("/volumes"));
        assertThat(console.gridText("#volumes-grid")).contains("keep-me | local").contains("| user |");
        console.selectRow("#volumes-grid", "keep-me");
        browser.click("#volumes-remove");
        browser.click("#volumes-remove-confirm");
        browser.await("the refusal names the user", () -> textOf("#volumes-removal-result").contains("keep-me: in use by user"));
        browser.screenshot("operations-volume-in-use");
        browser.click("#volumes-prune");
        browser.click("#volumes-prune-confirm");
        browser.await("the unused volume went", () -> !console.gridText("#volumes-grid").contains("spare"));
        assertThat(console.docker("volume", "ls", "-q").strip()).isEqualTo("keep-me");

        browser.open(console.url("/networks"));
        console.selectRow("#networks-grid", "backend");
        browser.click("#networks-remove");
        browser.click("#networks-remove-confirm");
        browser.await("the refusal names the user", () -> textOf("#networks-removal-result").contains("backend: in use by user"));
        browser.click("#networks-prune");
        browser.click("#networks-prune-confirm");
        browser.await("the unused network went", () -> !console.gridText("#networks-grid").contains("unused-net"));
        browser.screenshot("operations-networks");

        console.docker("rm", "-f", "user");
        browser.open(console.url("/volumes"));
        console.selectRow("#volumes-grid", "keep-me");
        browser.click("#volumes-remove");
        browser.click("#volumes-remove-confirm");
        browser.await("removed once unused", () -> !console.gridText("#volumes-grid").contains("keep-me"));
        browser.open(console.url("/networks"));
        console.selectRow("#networks-grid", "backend");
        browser.click("#networks-remove");
        browser.click("#networks-remove-confirm");
        browser.await("removed once unused", () -> !console.gridText("#networks-grid").contains("backend"));
        assertThat(console.docker("volume", "ls", "-q").strip()).isEmpty();
        assertThat(console.docker("network", "ls", "--format", "{{.Name}}").strip()).isEqualTo("bridge");

        browser.open(console.url("/activity"));
        browser.type("#activity-filter", "keep-me");
        browser.await("filtered to one volume", () -> {
            String shown = console.gridText("#activity-grid");
            return shown.contains("volume.remove") && !shown.contains("network.");
        });
        String entries = console.gridText("#activity-grid");
        assertThat(entries).contains("admin | ui | volume.create | keep-me | ok",
                "admin | ui | volume.remove | keep-me | failed | in use by user",
                "admin | ui | volume.remove | keep-me | ok").doesNotContain("backend");
        browser.screenshot("operations-activity-filtered");
    }

    /** Whether an interactive shell (a process whose command line is just {@code sh}) runs in the container. */
    private boolean shellRuns() {
        try {
            return console.docker("exec", "hello", "ps", "-o", "args").lines().anyMatch(l -> l.strip().equals("sh"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean imageExists(String reference) {
        try {
            return !console.docker("images", "-q", reference).isBlank();
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
}
