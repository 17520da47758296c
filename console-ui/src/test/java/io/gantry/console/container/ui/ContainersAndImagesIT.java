package io.gantry.console.container.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.Browser;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.EngineLeftovers;
import io.gantry.console.testing.TestFiles;
import io.gantry.console.testing.TestRegistryImages;
import io.gantry.core.registry.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operations pages on the console's own engine, which pulls {@code busybox} from a loopback registry: pull with
 * progress bars, run a container from the form, read its log, stop and remove it; an image in use is refused with the
 * reason; a container made with the docker CLI is listed and stopped from the page. Everything is removed again.
 */
class ContainersAndImagesIT {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static final String PASSWORD = "a long admin password";

    Path data;
    Path log;
    Browser browser;
    ConsoleProcess console;
    EngineLeftovers leftovers;
    String engineUrl;

    @BeforeAll
    static void fillRegistry() throws Exception {
        TestRegistryImages.pushBusybox(REGISTRY.host());
    }

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-it-ops-");
        log = Files.createTempFile("gantry-it-ops", ".log");
        leftovers = EngineLeftovers.before(data);
        console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD),
                List.of("--gantry.registry-mirrors=http://" + REGISTRY.host(), "--gantry.only-configured-registries=true"));
        browser = new Browser();
    }

    @AfterEach
    void cleanUp() throws Exception {
        browser.close();
        if (engineUrl != null) {
            for (String id : docker("ps", "-aq").strip().lines().toList()) {
                docker("rm", "-f", id);
            }
        }
        console.close();
        leftovers.remove();
        TestFiles.deleteTree(data);
        Path kept = Path.of(System.getProperty("gantry.screenshots", "target/screenshots"), "ContainersAndImagesIT-console.log");
        Files.createDirectories(kept.getParent());
        Files.move(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void pull_run_read_the_log_stop_and_remove_from_the_browser() throws Exception {
        browser.open(console.url("/"));
        signIn();
        browser.open(console.url("/dashboard"));
        engineUrl = browser.text("#engine-url");

        browser.open(console.url("/images"));
        browser.type("#image-pull-reference", "busybox:latest");
        browser.click("#image-pull");
        browser.await("a progress bar per layer", () -> browser.isPresent("#pull-progress vaadin-progress-bar"));
        browser.await("the pull finishes", () -> textOf("#pull-status").startsWith("Pulled busybox:latest"));
        assertThat(gridText("#images-grid")).contains("busybox:latest");
        browser.screenshot("images-pulled");

        browser.open(console.url("/containers"));
        browser.click("#containers-new");
        browser.type("#new-image", "busybox:latest");
        browser.type("#new-name", "hello");
        browser.type("#new-command", "sh -c 'echo hi; sleep 300'");
        browser.screenshot("new-container");
        browser.click("#new-create");
        browser.await("the container's page", () -> browser.currentPath().startsWith("/containers/"));
        browser.await("it runs", () -> textOf("#container-state").equals("Running"));
        browser.await("its log shows hi", () -> textOf("#logs-text").contains("hi"));
        assertThat(browser.text("#container-command")).isEqualTo("sh -c 'echo hi; sleep 300'");
        browser.screenshot("container-running");

        browser.open(console.url("/images"));
        selectFirstRow("#images-grid");
        browser.click("#images-remove");
        browser.click("#images-remove-confirm");
        browser.await("the refusal is shown", () -> browser.isPresent("#images-removal-result")
                && textOf("#images-removal-result").contains("a container is using its referenced image"));
        assertThat(gridText("#images-grid")).contains("busybox:latest");
        browser.screenshot("image-in-use");

        browser.open(console.url("/containers"));
        browser.click("#container-link-hello");
        browser.click("#container-action-stop");
        browser.await("it stopped", () -> textOf("#container-state").equals("Exited"));
        browser.click("#container-action-remove");
        browser.click("#container-remove-confirm");
        browser.awaitPath("/containers");
        assertThat(browser.isPresent("#container-link-hello")).isFalse();

        docker("run", "-d", "--name", "cli-made", "busybox", "sleep", "300");
        browser.open(console.url("/containers"));
        browser.await("the CLI's container is listed as standalone", () -> browser.isPresent("#containers-grid-standalone #container-link-cli-made")
                || browser.isPresent("#container-link-cli-made"));
        assertThat(browser.text("#container-state-cli-made")).isEqualTo("Running");
        browser.screenshot("containers-cli-made");
        browser.click("#container-stop-cli-made");
        browser.await("stopped from the page", () -> browser.isPresent("#container-state-cli-made")
                && textOf("#container-state-cli-made").equals("Exited"));
        assertThat(docker("ps", "-a", "--format", "{{.Names}} {{.State}}").strip()).isEqualTo("cli-made exited");
        browser.click("#container-remove-cli-made");
        browser.click("#containers-remove-confirm");
        browser.await("removed", () -> !browser.isPresent("#container-link-cli-made"));
        assertThat(docker("ps", "-aq").strip()).isEmpty();

        browser.open(console.url("/images"));
        selectFirstRow("#images-grid");
        browser.click("#images-remove");
        browser.click("#images-remove-confirm");
        browser.await("the image is gone", () -> Long.valueOf(0).equals(browser.script(
                "return document.querySelector('#images-grid').size;")));
        browser.screenshot("images-empty");
        assertThat(docker("images", "-q").strip()).isEmpty();
    }

    private void signIn() {
        browser.awaitPath("/login");
        browser.find("#login-form");
        browser.type("#login-form vaadin-text-field[name='username']", "admin");
        browser.type("#login-form vaadin-password-field[name='password']", PASSWORD);
        browser.clickAndAwaitNewPage("#login-form vaadin-button[theme~='submit']");
        browser.find("#search-box");
    }

    /** An element's text read in one script call: pages that re-render must not leave a stale reference. */
    private String textOf(String css) {
        return String.valueOf(browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css));
    }

    /** The text of a grid's cells, which Flow renders into the grid's light DOM. */
    private String gridText(String css) {
        browser.find(css);
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content'))"
                + ".map(c => c.textContent).join(' | ');", css));
    }

    /** Ticks the first row's selection checkbox (not the header's select-all). */
    private void selectFirstRow(String gridCss) {
        browser.find(gridCss);
        browser.await("rows rendered", () -> Boolean.TRUE.equals(browser.script(
                "return document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content vaadin-checkbox:not(.vaadin-grid-select-all-checkbox)').length > 0;",
                gridCss)));
        browser.script("document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content vaadin-checkbox:not(.vaadin-grid-select-all-checkbox)')[0].click();",
                gridCss);
        browser.awaitVaadin();
    }

    private String docker(String... args) throws IOException, InterruptedException {
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
}
