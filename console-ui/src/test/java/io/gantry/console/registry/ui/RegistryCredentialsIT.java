package io.gantry.console.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.testing.MirroredConsole;
import io.gantry.console.testing.MirroredConsoleJourney;
import io.gantry.console.testing.TestFiles;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A private registry (HTTPS with Basic auth, its test CA given to the console) added in Settings: with a wrong
 * password its search line names the refusal while the rest of the search answers; with the right one its catalog
 * is searched, the tag picker lists its tags, and the image runs, pulled with the stored credentials.
 */
class RegistryCredentialsIT extends MirroredConsoleJourney {

    @RegisterExtension
    static final LocalRegistry PRIVATE = LocalRegistry.httpsWithBasicAuth();

    @BeforeAll
    static void fillRegistries() throws Exception {
        Path scratch = Files.createTempDirectory("gantry-private-source");
        try {
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(PRIVATE.hosts())
                    .withCertsDir(PRIVATE.certsDir()));
            ContentStore source = FileContentStore.open(scratch);
            TestImages.push(client, source, ImageReference.parse(PRIVATE.host() + "/team/tool:1.0"), TestImages.image(
                    source, MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer()), LocalRegistry.USER);
        } finally {
            TestFiles.deleteTree(scratch);
        }
    }

    @Override
    protected String[] consoleArguments() {
        return new String[] {"--gantry.registry-certs=" + PRIVATE.certsDir()};
    }

    @Test
    void a_registry_with_credentials_added_in_settings_is_searched_and_run_from() throws Exception {
        addRegistry("Team", "wrong password");
        assertThat(console.textOf("#registries-grid")).contains("Team");
        browser.screenshot("settings-registries");

        console.open("/search?q=tool");
        browser.await("the wrong password is named on the registry's line", () ->
                console.textOf("#search-failures li[data-source='Team']").length() > 0);
        assertThat(console.textOf("#search-failures li[data-source='Team']")).isNotBlank();
        assertThat(browser.isPresent("#search-templates")).as("the other sources still answer").isTrue();
        browser.screenshot("search-registry-refused");

        console.open("/settings");
        browser.click("#registry-remove-team");
        addRegistry("Team", LocalRegistry.USER.password());
        String hit = "#hit-team-" + PRIVATE.host().replaceAll("[^a-z0-9_-]+", "-") + "-team-tool";
        console.open("/search?q=tool");
        browser.await("the registry's catalog is searched", () -> browser.isPresent(hit + "-run"));
        assertThat(browser.isPresent("#search-failures li[data-source='Team']")).isFalse();
        browser.click(hit + "-tag input");
        browser.script("document.querySelector(arguments[0]).opened = true;", hit + "-tag");
        browser.await("its tags are listed", () -> Boolean.TRUE.equals(browser.script(
                "return [...document.querySelectorAll('vaadin-combo-box-item')].some(i => i.textContent.trim() === '1.0');")));
        browser.script("[...document.querySelectorAll('vaadin-combo-box-item')].find(i => i.textContent.trim() === '1.0')"
                + ".click();");
        browser.awaitVaadin();
        browser.screenshot("search-registry-tags");
        browser.click(hit + "-run");
        browser.awaitPath("/run");
        browser.type("#run-command", "sleep 600");
        browser.click("#run-deploy");
        browser.await("pulled with the stored credentials and started", () -> !"running".equals(
                console.attributeOf("#run-status", "data-state")));
        assertThat(console.attributeOf("#run-status", "data-state")).as(console.textOf("#run-status")).isEqualTo("done");
        assertThat(console.docker("images", "--format", "{{.Repository}}:{{.Tag}}"))
                .contains(PRIVATE.host() + "/team/tool:1.0");
        browser.click("#run-open");
        browser.await("it runs", () -> "running".equals(console.attributeOf("#svc-tool-status", "data-status")));
        assertThat(String.valueOf(browser.script("return document.documentElement.outerHTML;")))
                .as("the password never reaches a page").doesNotContain(LocalRegistry.USER.password());
        browser.click("#app-remove");
        browser.click("#app-remove-confirm");
        browser.awaitPath("/applications");
        assertThat(console.docker("ps", "-aq").strip()).isEmpty();
    }

    private void addRegistry(String name, String password) {
        console.open("/settings");
        browser.type("#registry-name", name);
        browser.type("#registry-url", "https://" + PRIVATE.host());
        browser.type("#registry-user", LocalRegistry.USER.username());
        browser.type("#registry-password", password);
        browser.click("#registry-add");
        browser.await("the registry is added", () -> console.textOf("#registry-result").startsWith("Added " + name));
    }
}
