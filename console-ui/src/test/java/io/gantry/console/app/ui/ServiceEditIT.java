package io.gantry.console.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.MirroredConsole;
import io.gantry.console.testing.MirroredConsoleJourney;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Changing a running application with clicks: a service added through an image search and removed again while the
 * first keeps its container; a variable added in the service editor, previewed as docker run and applied after the
 * page says what is recreated; a container removed with the docker CLI shown as missing and recreated from the page.
 */
class ServiceEditIT extends MirroredConsoleJourney {

    static final String WEB = "sh -c 'mkdir -p /www && echo \"$GREETING\" > /www/index.html && exec httpd -f -p 8000 -h /www'";

    @Test
    void services_are_added_removed_edited_and_recreated_in_a_running_application() throws Exception {
        int port = freePort();
        console.open("/run?image=busybox:latest");
        browser.type("#run-name", "edit me");
        browser.click("#run-added-ports-add");
        browser.type("#run-added-ports-host-1", Integer.toString(port));
        browser.type("#run-added-ports-container-1", "8000");
        browser.click("#run-env-add");
        browser.type("#run-env-name-1", "GREETING");
        browser.type("#run-env-value-1", "first version");
        browser.type("#run-command", WEB);
        browser.click("#run-deploy");
        browser.await("deployed", () -> "done".equals(console.attributeOf("#run-status", "data-state")));
        browser.click("#run-open");
        awaitStatus("busybox", "running");
        String web = containerId("edit-me-busybox");

        browser.click("#app-add-service");
        browser.type("#add-service-query", "busybox");
        browser.await("the local image is offered", () -> !console.valueOf("#add-service-name").isEmpty());
        browser.type("#add-service-name", "helper");
        browser.screenshot("add-service");
        browser.click("#add-service-confirm");
        browser.await("the new service is shown", () -> browser.isPresent("#svc-helper"));
        assertThat(console.docker("ps", "-a", "--format", "{{.Names}}")).contains("edit-me-helper");
        assertThat(containerId("edit-me-busybox")).as("the first service was left alone").isEqualTo(web);

        browser.click("#svc-helper-remove");
        browser.click("#service-remove-confirm");
        browser.await("the service is gone", () -> !browser.isPresent("#svc-helper"));
        assertThat(console.docker("ps", "-a", "--format", "{{.Names}}")).doesNotContain("edit-me-helper");
        assertThat(containerId("edit-me-busybox")).isEqualTo(web);

        browser.click("#svc-busybox-edit");
        browser.await("the service editor", () -> browser.isPresent("#edit-tabs"));
        assertThat(console.textOf("#edit-docker-run")).contains("-p " + port + ":8000")
                .contains("-e 'GREETING=first version'");
        browser.script("[...document.querySelectorAll('#edit-tabs vaadin-tab')].find(t => t.textContent.trim() === "
                + "'Environment').click();");
        browser.awaitVaadin();
        browser.type("#edit-env-value-1", "second version");
        browser.click("#edit-env-add");
        browser.type("#edit-env-name-2", "API_TOKEN");
        browser.type("#edit-env-value-2", "not-for-the-browser");
        browser.await("the preview follows", () -> console.textOf("#edit-docker-run").contains("GREETING=second version")
                && console.textOf("#edit-docker-run").contains("API_TOKEN=••••••••"));
        assertThat(console.textOf("#edit-docker-run")).doesNotContain("not-for-the-browser");
        browser.screenshot("service-editor");
        browser.click("#edit-save");
        browser.await("what is recreated is shown", () -> browser.isPresent("#edit-plan"));
        assertThat(console.attributeOf("#edit-plan li[data-service='busybox']", "data-kind")).isEqualTo("recreate");
        browser.screenshot("service-edit-plan");
        browser.click("#edit-plan-confirm");
        browser.await("back on the application page", Duration.ofSeconds(60),
                () -> browser.currentPath().matches("/applications/[0-9]+"));
        awaitStatus("busybox", "running");
        assertThat(MirroredConsole.awaitPage("http://127.0.0.1:" + port + "/", "second version", Duration.ofSeconds(30)))
                .contains("second version");
        assertThat(console.docker("inspect", "-f", "{{json .Config.Env}}", "edit-me-busybox"))
                .contains("API_TOKEN=not-for-the-browser");

        console.docker("rm", "-f", "edit-me-busybox");
        browser.await("the page shows the service missing", () -> "missing".equals(
                console.attributeOf("#svc-busybox-drift", "data-drift")));
        assertThat(console.attributeOf("#svc-busybox-status", "data-status")).isEqualTo("missing");
        browser.screenshot("service-missing");
        browser.click("#svc-busybox-recreate");
        awaitStatus("busybox", "running");
        assertThat(MirroredConsole.awaitPage("http://127.0.0.1:" + port + "/", "second version", Duration.ofSeconds(30)))
                .contains("second version");

        browser.click("#app-remove");
        browser.click("#app-remove-volumes");
        browser.click("#app-remove-confirm");
        browser.awaitPath("/applications");
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();
    }

    private void awaitStatus(String service, String status) {
        browser.await(service + " is " + status, Duration.ofSeconds(60), () -> status.equals(
                console.attributeOf("#svc-" + service + "-status", "data-status")));
    }

    private String containerId(String name) throws Exception {
        return console.docker("inspect", "-f", "{{.Id}}", name).strip();
    }

}
