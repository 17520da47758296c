package io.gantry.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.console.app.Application;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.DeployFailedException;
import io.gantry.console.app.ServiceStatus;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.image.ImageOperations;
import io.gantry.core.api.types.ImageSummary;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pulls from a registry behind HTTPS and Basic auth (the test CA trusted by the engine) through the console: refused
 * without credentials, done with the ones stored in the console (sent as {@code X-Registry-Auth}), refused again with
 * a wrong password, and an application deploys from it.
 */
@Privileged
@SpringBootTest
@DirtiesContext
class RegistryCredentialsPullTest {

    @RegisterExtension
    static final LocalRegistry HTTPS = LocalRegistry.httpsWithBasicAuth();

    @Autowired
    RegistryService registries;
    @Autowired
    ImageOperations images;
    @Autowired
    ApplicationService applications;
    @Autowired
    EngineClient engine;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry properties) {
        properties.add("gantry.test.registry-certs", () -> HTTPS.certsDir().toString());
    }

    @BeforeAll
    static void pushBusybox() throws Exception {
        Path scratch = Files.createTempDirectory("gantry-busybox-source");
        try {
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(HTTPS.hosts())
                    .withCertsDir(HTTPS.certsDir()));
            ContentStore source = FileContentStore.open(scratch);
            TestImages.push(client, source, ImageReference.parse(image()), TestImages.image(source,
                    MediaTypes.OCI_MANIFEST, "amd64", TestImages.busyboxLayer()), LocalRegistry.USER);
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String image() {
        return HTTPS.host() + "/team/busybox:1";
    }

    @BeforeEach
    void noRegistriesFromEarlierClasses() {
        jdbc.update("DELETE FROM registries"); // the Spring context and its database are shared between test classes
    }

    @AfterEach
    void removeEverything() {
        applications.list().forEach(a -> applications.remove(a.id(), true));
        engine.listImages().forEach(i -> engine.removeImage(i.id(), true));
        jdbc.update("DELETE FROM registries");
    }

    @Test
    void a_pull_without_credentials_is_refused_with_the_registrys_reason_and_nothing_is_pulled() {
        assertThatThrownBy(() -> images.pull(image(), step -> { }))
                .isInstanceOf(EngineCallException.class)
                .hasMessageContaining(HTTPS.host())
                .hasMessageContaining("no credentials were given and the registry asks for them");
        assertThat(engine.listImages()).isEmpty();
    }

    @Test
    void a_pull_with_the_stored_credentials_works_and_the_stored_password_is_not_plain_text() {
        registries.add(new RegistryDraft("Team", "https://" + HTTPS.host(), true, LocalRegistry.USER.username(),
                LocalRegistry.USER.password()));

        images.pull(image(), step -> { });

        assertThat(engine.listImages()).flatExtracting(ImageSummary::repoTags).contains(image());
        assertThat(jdbc.queryForObject("SELECT password_sealed FROM registries", String.class))
                .doesNotContain(LocalRegistry.USER.password());
    }

    @Test
    void an_application_deploys_from_the_registry_with_the_stored_credentials() {
        registries.add(new RegistryDraft("Team", "https://" + HTTPS.host(), false, LocalRegistry.USER.username(),
                LocalRegistry.USER.password()));
        Application app = applications.createFromImage(image(), "unix:///run/gantry/test.sock");

        applications.deploy(app.id(), step -> { });

        assertThat(applications.status(app.id()).values()).singleElement()
                .isInstanceOfAny(ServiceStatus.Running.class, ServiceStatus.Exited.class);
    }

    @Test
    void a_wrong_stored_password_fails_the_deployment_clearly_and_leaves_nothing() {
        registries.add(new RegistryDraft("Team", "https://" + HTTPS.host(), true, LocalRegistry.USER.username(),
                "not the password"));
        Application app = applications.createFromImage(image(), "unix:///run/gantry/test.sock");

        assertThatThrownBy(() -> applications.deploy(app.id(), step -> { }))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageContaining("service 'busybox'")
                .hasMessageContaining(image() + " cannot be pulled")
                .hasMessageContaining("the registry refused the credentials of " + LocalRegistry.USER.username());
        assertThat(engine.listContainers(true)).isEmpty();
        assertThat(engine.listImages()).isEmpty();
    }
}
