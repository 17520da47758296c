package io.gantry.console.run.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.MirroredConsole;
import io.gantry.console.testing.MirroredConsoleJourney;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Templates run with clicks: a two-service busybox template is uploaded, found by search, opened and run with its
 * required secret filled in; its page shows both services running by category, their combined logs, and saves it
 * as a template of its own. A privileged template runs only after its dangers are confirmed.
 */
class TemplateRunIT extends MirroredConsoleJourney {

    static final String TOKEN = "never-shown-token";

    @Test
    void a_small_template_is_found_run_watched_and_saved_as_a_template_of_its_own() throws Exception {
        int hostPort = freePort();
        upload("it-shop.pmx", "IT Shop");
        console.open("/");
        console.search("gantry-it");
        browser.await("the uploaded template is found", () -> browser.isPresent("[id^='hit-template-user-']"));
        browser.click("[id^='hit-template-user-'][id$='-details']");
        browser.await("its details", () -> browser.currentPath().startsWith("/templates/user"));
        assertThat(browser.text("#template-name")).isEqualTo("IT Shop");
        assertThat(browser.text("#service-web-volumes")).contains("shop-www (named volume) → /www");
        assertThat(browser.text("#service-client-links")).isEqualTo("web as site");
        browser.screenshot("template-details-run");
        browser.click("#template-run");
        browser.awaitPath("/run");

        assertThat(browser.find("#param-admin_token").getTagName()).as("a secret is masked")
                .isEqualTo("vaadin-password-field");
        assertThat(console.valueOf("#param-web_port")).isEqualTo("8080");
        assertThat(console.valueOf("#volume-web-www")).isEqualTo("shop-www");
        browser.type("#param-web_port", Integer.toString(hostPort));
        browser.click("#run-deploy");
        browser.await("the empty secret is marked as required", () -> "true".equals(String.valueOf(browser.script(
                "return document.querySelector('#param-admin_token').invalid;"))));
        assertThat(console.textOf("#run-problems")).contains("Admin token");
        browser.screenshot("run-template-missing-secret");
        browser.type("#param-admin_token", TOKEN);
        browser.screenshot("run-template-form");
        browser.click("#run-deploy");
        browser.await("the deployment ends", () -> !"running".equals(console.attributeOf("#run-status", "data-state")));
        assertThat(console.attributeOf("#run-status", "data-state")).as(console.textOf("#run-status")).isEqualTo("done");
        assertThat(console.attributeOf("#run-service-web", "data-state")).isEqualTo("running");
        assertThat(console.attributeOf("#run-service-client", "data-state")).isEqualTo("running");
        browser.scrollTo("#run-progress");
        browser.screenshot("run-template-deployed");

        browser.click("#run-open");
        browser.await("both services run", () -> "running".equals(console.attributeOf("#svc-web-status", "data-status"))
                && "running".equals(console.attributeOf("#svc-client-status", "data-status")));
        assertThat(browser.isPresent("[data-category='Web'] #svc-web")).isTrue();
        assertThat(browser.isPresent("[data-category='Tools'] #svc-client")).isTrue();
        assertThat(MirroredConsole.awaitPage("http://127.0.0.1:" + hostPort + "/", "hello from the shop",
                Duration.ofSeconds(30))).contains("hello from the shop");
        browser.await("the combined log has both services", () -> console.textOf("#app-logs-text").contains("web    | web ready")
                && console.textOf("#app-logs-text").contains("client | client got it via site"));
        browser.click("#app-logs-filter");
        browser.script("[...document.querySelectorAll('vaadin-select-item')].find(i => i.textContent.trim() === 'client')"
                + ".click();");
        browser.awaitVaadin();
        browser.await("the filter shows only the client", () -> !console.textOf("#app-logs-text").contains("web ready"));
        assertThat(console.textOf("#app-logs-text")).contains("client got it");
        assertThat(String.valueOf(browser.script("return document.documentElement.outerHTML;")))
                .as("the secret never reaches the browser").doesNotContain(TOKEN);
        browser.screenshot("application-template");

        String pmx = fetch("#app-export-pmx");
        assertThat(pmx).startsWith("200\n").contains("images:").contains("name: web").doesNotContain(TOKEN);
        browser.click("#app-save-template");
        browser.type("#save-name", "IT Shop copy");
        browser.type("#save-keywords", "gantry-it, copy");
        browser.await("the preview follows the form", () -> console.textOf("#save-preview").contains("name: IT Shop copy")
                && console.textOf("#save-preview").contains("keywords: gantry-it, copy"));
        assertThat(console.textOf("#save-preview")).doesNotContain(TOKEN);
        browser.screenshot("save-as-template");
        browser.click("#save-confirm");
        browser.await("the dialog closes", () -> !browser.isPresent("#save-template-dialog[opened]"));

        console.open("/search?q=copy");
        browser.await("the saved template is found", () -> console.textOf("#search-templates").contains("IT Shop copy"));

        browser.open(console.url("/applications"));
        browser.click("[id^='app-link-it-shop']");
        browser.click("#app-remove");
        browser.click("#app-remove-volumes");
        browser.click("#app-remove-confirm");
        browser.awaitPath("/applications");
        browser.await("nothing is left", () -> browser.isPresent("#applications-empty")
                && console.textOf("#applications-empty").startsWith("No applications"));
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();
        assertThat(console.docker("volume", "ls", "-q")).doesNotContain("shop-www");
    }

    @Test
    void a_privileged_template_does_not_run_until_its_danger_is_confirmed() throws Exception {
        upload("it-privileged.pmx", "IT Root Tool");
        browser.click("[id^='template-link-user-']");
        browser.await("its details warn", () -> browser.isPresent("#template-dangers"));
        assertThat(browser.text("#template-dangers")).contains("privileged");
        browser.click("#template-run");
        browser.awaitPath("/run");

        browser.click("#run-deploy");
        browser.await("the dangers are asked about", () -> browser.isPresent("#run-dangers"));
        assertThat(console.textOf("#run-dangers")).contains("privileged");
        browser.screenshot("run-dangers-dialog");
        browser.click("#run-dangers-cancel");
        console.open("/applications");
        assertThat(browser.isPresent("#applications-empty")).isTrue();
        assertThat(console.docker("ps", "-aq").strip()).as("nothing was created").isEmpty();

        console.open("/templates");
        browser.click("[id^='template-link-user-']");
        browser.click("#template-run");
        browser.click("#run-deploy");
        browser.click("#run-dangers-confirm");
        browser.await("the deployment ends", () -> !"running".equals(console.attributeOf("#run-status", "data-state")));
        assertThat(console.attributeOf("#run-status", "data-state")).as(console.textOf("#run-status")).isEqualTo("done");
        browser.click("#run-open");
        browser.await("the tool runs", () -> "running".equals(console.attributeOf("#svc-tool-status", "data-status")));
        assertThat(console.docker("inspect", "-f", "{{.HostConfig.Privileged}}", "it-root-tool-tool").strip())
                .isEqualTo("true");
        browser.click("#app-remove");
        browser.click("#app-remove-confirm");
        browser.awaitPath("/applications");
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();
    }

    private void upload(String fixture, String name) throws URISyntaxException {
        console.open("/templates");
        browser.upload("#template-upload", Path.of(TemplateRunIT.class.getResource("/run/ui/" + fixture).toURI()));
        browser.await("the upload is accepted", () -> console.textOf("#upload-result").equals("Added the template "
                + name + "."));
    }

    /** Fetches a download link in the browser, with its session: the status, a newline, then the body. */
    private String fetch(String anchorCss) {
        String href = browser.find(anchorCss).getDomProperty("href");
        return String.valueOf(browser.script(
                "return fetch(arguments[0]).then(r => r.text().then(t => r.status + '\\n' + t));", href));
    }

}
