package io.gantry.console.template.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.Browser;
import io.gantry.console.testing.ConsoleProcess;
import io.gantry.console.testing.TestFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The Templates page and a template's details in a real browser against the packaged console: the bundled library,
 * search and keywords, documentation and services with secrets masked, upload, download, a rejected upload with
 * its problem shown next to the upload, and delete.
 */
class TemplatesIT {

    static final String PASSWORD = "a long admin password";
    static final String TOKEN = "do-not-show-this-token";

    Path data;
    Path log;
    Browser browser;

    @BeforeEach
    void freshDataRoot() throws IOException {
        data = Files.createTempDirectory("gantry-it-data");
        log = Files.createTempFile("gantry-it-console", ".log");
        browser = new Browser();
    }

    @AfterEach
    void cleanUp() throws IOException {
        browser.close();
        TestFiles.deleteTree(data);
        Files.deleteIfExists(log);
    }

    @Test
    void the_library_is_searched_uploaded_to_downloaded_from_and_pruned_in_the_browser() throws Exception {
        try (ConsoleProcess console = ConsoleProcess.start(data, log, Map.of("GANTRY_ADMIN_PASSWORD", PASSWORD))) {
            browser.open(console.url("/"));
            browser.awaitPath("/login");
            signIn();
            browser.click("vaadin-side-nav-item[path='templates']");
            browser.awaitPath("/templates");

            int all = gridSize();
            assertThat(all).as("the five bundled templates").isGreaterThanOrEqualTo(5);
            assertThat(browser.text("#template-link-bundled-wordpress")).isEqualTo("WordPress with MariaDB");

            browser.type("#templates-search", "wordpress");
            browser.await("search narrows the grid to WordPress", () -> gridSize() == 1);
            assertThat(listed("#template-link-bundled-wordpress")).isTrue();
            assertThat(listed("#template-link-bundled-gitea")).isFalse();
            browser.screenshot("templates-search");

            browser.click("#keyword-blog");
            browser.await("the keyword 'blog' is searched", () -> "blog".equals(searchValue()) && gridSize() == 2);
            assertThat(listed("#template-link-bundled-ghost")).isTrue();

            browser.click("#template-link-bundled-wordpress");
            browser.await("the details page opens", () -> browser.currentPath().startsWith("/templates/bundled"));
            assertThat(browser.text("#template-name")).isEqualTo("WordPress with MariaDB");
            WebElement documentation = browser.find("#template-documentation");
            assertThat(documentation.getDomProperty("innerHTML")).contains("<h1>WordPress with MariaDB</h1>")
                    .contains("<h2>Before you start</h2>");
            assertThat(browser.text("#service-wordpress-image")).isEqualTo("wordpress:6-apache");
            assertThat(browser.text("#service-db-image")).isEqualTo("mariadb:11");
            String dbEnvironment = browser.text("#service-db-environment");
            assertThat(dbEnvironment).contains("MARIADB_ROOT_PASSWORD = ••••••••").doesNotContain("DB_ROOT_PASSWORD:?");
            assertThat(browser.text("#service-wordpress-links")).isEqualTo("db as db");
            assertThat(browser.text("#service-wordpress-volumes")).contains("wordpress-html (named volume) → /var/www/html");
            assertThat(browser.isPresent("#template-dangers")).as("WordPress asks for nothing dangerous").isFalse();
            browser.screenshot("template-details");

            browser.open(console.url("/templates"));
            browser.upload("#template-upload", fixture("it-stack.yml"));
            browser.await("the upload is reported", () -> browser.text("#upload-result").startsWith("Added the template"));
            assertThat(browser.text("#upload-result")).isEqualTo("Added the template it-stack.");
            browser.await("the new template is listed", () -> gridSize() == all + 1);
            WebElement link = browser.find("[id^='template-link-user-']");
            assertThat(link.getText()).isEqualTo("it-stack");
            String userDomId = link.getDomAttribute("id").substring("template-link-".length());

            String pmx = fetch("#download-pmx-" + userDomId);
            assertThat(pmx).startsWith("200\n").contains("name: it-stack").contains("images:").contains("nginx:1.27")
                    .doesNotContain(TOKEN);
            String compose = fetch("#download-compose-" + userDomId);
            assertThat(compose).startsWith("200\n").contains("services:").contains("redis:7").doesNotContain(TOKEN);
            browser.click("#templates-include-secrets input");
            assertThat(fetch("#download-pmx-" + userDomId)).as("secrets only when asked for").contains(TOKEN);
            browser.scrollTo("#template-link-" + userDomId);
            browser.screenshot("templates-uploaded");

            browser.click("#template-link-" + userDomId);
            browser.find("#service-web");
            assertThat(browser.text("#service-web-environment")).contains("API_TOKEN = ••••••••")
                    .contains("SITE_TITLE = Gantry test site");
            assertThat(String.valueOf(browser.script("return document.documentElement.outerHTML;")))
                    .as("the secret never reaches the browser").doesNotContain(TOKEN);
            assertThat(browser.text("#service-web-ports")).isEqualTo("8081 → 80/tcp");
            browser.scrollTo("#template-services");
            browser.screenshot("template-details-uploaded");

            browser.click("#template-back");
            browser.awaitPath("/templates");
            browser.upload("#template-upload", fixture("broken-link.yml"));
            browser.await("the rejection is reported", () -> !browser.text("#upload-result").isEmpty());
            assertThat(browser.text("#upload-result")).isEqualTo("broken-link.yml was not added:");
            WebElement problem = browser.find("#upload-problems li");
            assertThat(problem.getText()).isEqualTo("Service 'web', links: 'missing-db' is not a service of this template.");
            assertThat(problem.getDomAttribute("data-service")).isEqualTo("web");
            assertThat(problem.getDomAttribute("data-field")).isEqualTo("links");
            assertThat(gridSize()).as("nothing was added").isEqualTo(all + 1);
            browser.scrollTo("#upload-area");
            browser.screenshot("templates-upload-rejected");

            browser.click("#template-delete-" + userDomId);
            browser.click("#template-delete-confirm");
            browser.await("the deleted template is gone", () -> gridSize() == all);
            assertThat(listed("#template-link-" + userDomId)).isFalse();
            assertThat(listed("[id^='template-delete-']")).as("bundled templates cannot be deleted").isFalse();
            browser.screenshot("templates-after-delete");

            browser.open(console.url("/templates/" + userDomId.replaceFirst("-", ":")));
            assertThat(browser.text("#template-missing")).startsWith("There is no template user:");
        }
    }

    private int gridSize() {
        return ((Number) browser.script("return document.querySelector('#templates-grid').size;")).intValue();
    }

    /**
     * Whether a grid row shows the element. The grid keeps the cells of rows it no longer shows in the DOM, hidden,
     * so presence is not enough: a shown element has a layout box.
     */
    private boolean listed(String css) {
        return Boolean.TRUE.equals(browser.script("return [...document.querySelectorAll(arguments[0])]"
                + ".some(e => e.getClientRects().length > 0);", css));
    }

    private String searchValue() {
        return String.valueOf(browser.script("return document.querySelector('#templates-search').value;"));
    }

    /** Fetches a download link in the browser, with its session: the status, a newline, then the body. */
    private String fetch(String anchorCss) {
        String href = browser.find(anchorCss).getDomProperty("href");
        return String.valueOf(browser.script(
                "return fetch(arguments[0]).then(r => r.text().then(t => r.status + '\\n' + t));", href));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(TemplatesIT.class.getResource("/template/ui/" + name).toURI());
    }

    private void signIn() {
        browser.find("#login-form");
        browser.type("#login-form vaadin-text-field[name='username']", "admin");
        browser.type("#login-form vaadin-password-field[name='password']", PASSWORD);
        browser.clickAndAwaitNewPage("#login-form vaadin-button[theme~='submit']");
        browser.find("#search-box");
    }
}
