package io.gantry.console.run.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.MirroredConsole;
import io.gantry.console.testing.MirroredConsoleJourney;
import io.gantry.core.registry.SearchIndexDouble;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Running a single image with clicks: search finds busybox on Docker Hub (the engine's index is a declared double)
 * with its tags read from the engine's loopback mirror, and by its name; the run form publishes a port and sets a
 * variable, the pull shows its layers, and the application page shows the service running with its port, usage and
 * log, follows a stop and a start made there, and removes it without a trace.
 */
class RunImageIT extends MirroredConsoleJourney {

    static SearchIndexDouble index;

    @BeforeAll
    static void startIndex() throws Exception {
        index = SearchIndexDouble.start(List.of(
                new SearchIndexDouble.Repository("busybox", "Busybox base image.", 3400, true)));
    }

    @AfterAll
    static void stopIndex() {
        index.close();
    }

    @Override
    protected String[] consoleArguments() {
        return new String[] {"--gantry.index-url=" + index.url()};
    }

    @Test
    void an_image_runs_with_a_port_and_a_variable_and_is_removed_from_its_page() throws Exception {
        int hostPort = freePort();
        console.open("/");
        browser.find("#search-templates-hits");
        browser.screenshot("search-home");

        console.search("busybox");
        browser.await("Docker Hub finds busybox", () -> browser.isPresent("#hit-docker-hub-busybox-run"));
        assertThat(browser.isPresent("#hit-by-name-busybox-run")).as("and it can be run by its name").isTrue();
        assertThat(console.textOf("#hit-docker-hub-busybox")).contains("Official").contains("3400")
                .contains("Busybox base image.");
        assertThat(console.textOf("#search-local-images")).contains("Local images (0)");
        browser.click("#hit-docker-hub-busybox-tag input");
        browser.script("document.querySelector('#hit-docker-hub-busybox-tag').opened = true;");
        browser.await("its tags are read from the mirror", () -> Boolean.TRUE.equals(browser.script(
                "return [...document.querySelectorAll('vaadin-combo-box-item')].some(i => i.textContent.trim() === 'latest');")));
        assertThat(console.textOf("#hit-docker-hub-busybox-tag-error")).isEmpty();
        browser.screenshot("search-busybox");
        browser.script("document.querySelector('#hit-docker-hub-busybox-tag').opened = false;");
        browser.click("#hit-docker-hub-busybox-run");
        browser.awaitPath("/run");
        assertThat(browser.text("#run-title")).isEqualTo("Run busybox");

        browser.click("#run-added-ports-add");
        browser.type("#run-added-ports-host-1", "99999");
        browser.type("#run-added-ports-container-1", "8000");
        browser.click("#run-deploy");
        browser.await("the bad host port is marked where it was typed", () -> "true".equals(String.valueOf(
                browser.script("return document.querySelector('#run-added-ports-host-1').invalid;"))));
        assertThat(String.valueOf(browser.script("return document.querySelector('#run-added-ports-host-1').errorMessage;")))
                .contains("99999").contains("out of range");
        assertThat(console.textOf("#run-problems")).contains("99999");
        browser.screenshot("run-image-bad-port");
        browser.type("#run-added-ports-host-1", Integer.toString(hostPort));
        browser.click("#run-env-add");
        browser.type("#run-env-name-1", "GREETING");
        browser.type("#run-env-value-1", "hello from gantry");
        browser.type("#run-command", "sh -c 'mkdir -p /www && echo \"$GREETING\" > /www/index.html && echo serving "
                + "&& exec httpd -f -p 8000 -h /www'");
        browser.screenshot("run-image-form");
        browser.click("#run-deploy");

        browser.await("a progress bar per layer of the pull", () -> browser.isPresent("#run-pulls vaadin-progress-bar"));
        browser.await("the deployment ends", () -> !"running".equals(console.attributeOf("#run-status", "data-state")));
        assertThat(console.attributeOf("#run-status", "data-state")).as(console.textOf("#run-status")).isEqualTo("done");
        assertThat(console.attributeOf("#run-service-busybox", "data-state")).isEqualTo("running");
        browser.scrollTo("#run-progress");
        browser.screenshot("run-image-deployed");

        browser.click("#run-open");
        browser.await("the application page", () -> browser.currentPath().startsWith("/applications/"));
        awaitStatus("running");
        assertThat(MirroredConsole.awaitPage("http://127.0.0.1:" + hostPort + "/", "hello from gantry",
                Duration.ofSeconds(30))).contains("hello from gantry");
        assertThat(console.attributeOf("#svc-busybox-ports a", "data-host-port")).isEqualTo(Integer.toString(hostPort));
        assertThat(console.attributeOf("#svc-busybox-ports a", "href")).endsWith(":" + hostPort + "/");
        browser.await("CPU and memory are shown", () -> !"null".equals(console.attributeOf("#svc-busybox-usage",
                "data-memory")));
        browser.await("the log shows the service's line", () -> console.textOf("#app-logs-text").contains("busybox | serving"));
        browser.screenshot("application-page");

        browser.click("#app-stop");
        awaitStatus("exited");
        assertThat(console.attributeOf("#app-summary", "data-status")).isEqualTo("stopped");
        browser.click("#app-start");
        awaitStatus("running");
        MirroredConsole.awaitPage("http://127.0.0.1:" + hostPort + "/", "hello from gantry", Duration.ofSeconds(30));

        console.open("/applications");
        browser.await("the application is listed as running", () -> "running".equals(
                console.attributeOf("#app-state-busybox", "data-status")));
        browser.screenshot("applications");

        browser.click("#app-link-busybox");
        browser.click("#app-remove");
        browser.click("#app-remove-volumes");
        browser.click("#app-remove-confirm");
        browser.awaitPath("/applications");
        browser.await("the list is empty", () -> browser.isPresent("#applications-empty")
                && console.textOf("#applications-empty").startsWith("No applications"));
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();
        assertThat(console.docker("network", "ls", "--format", "{{.Name}}")).doesNotContain("busybox_default");
    }

    /** The status badge changes by push when the engine reports the container's events. */
    private void awaitStatus(String status) {
        browser.await("busybox is " + status, () -> status.equals(console.attributeOf("#svc-busybox-status",
                "data-status")));
    }

}
