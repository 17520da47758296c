package io.gantry.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.registry.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registries with credentials sealed in the database under a key file only the owner can read. */
@SpringBootTest
class RegistryServiceTest {

    static final Path DATA = temporaryDataRoot();
    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    RegistryService registries;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void dataRoot(DynamicPropertyRegistry properties) {
        properties.add("gantry.data", DATA::toString);
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM registries");
    }

    @AfterAll
    static void removeDataRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(DATA)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void a_password_is_stored_sealed_and_the_key_file_is_readable_by_its_owner_only() throws IOException {
        Registry registry = registries.add(new RegistryDraft("Team", "https://registry.example.com:5000/", true,
                "builder", PASSWORD));

        assertThat(registry.url()).isEqualTo("https://registry.example.com:5000");
        assertThat(registry.hasPassword()).isTrue();
        String stored = jdbc.queryForObject("SELECT password_sealed FROM registries", String.class);
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD).doesNotContain("horse");
        assertThat(new String(java.util.Base64.getDecoder().decode(stored.substring(3)), StandardCharsets.ISO_8859_1))
                .doesNotContain("horse");
        Path key = DATA.resolve("console").resolve(CredentialCipher.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(registries.credentials(registry.id())).contains(new Credentials("builder", PASSWORD));
    }

    @Test
    void a_pull_of_an_image_of_the_registry_gets_dockers_registry_auth_header_and_other_pulls_none() {
        registries.add(new RegistryDraft("Team", "http://127.0.0.1:5000", false, "builder", PASSWORD));
        registries.add(new RegistryDraft("Open", "https://open.example.com", true, null, null));

        String header = registries.registryAuthFor("127.0.0.1:5000/team/app:1").orElseThrow();

        assertThat(header).doesNotContain("+", "/");
        assertThat(Credentials.fromXRegistryAuth(header)).contains(new Credentials("builder", PASSWORD));
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
                .contains("\"serveraddress\":\"127.0.0.1:5000\"");
        assertThat(registries.registryAuthFor("open.example.com/app")).isEmpty();
        assertThat(registries.registryAuthFor("busybox:latest")).isEmpty();
        assertThat(registries.registryAuthFor("127.0.0.1:5001/team/app")).isEmpty();
    }

    @Test
    void credentials_for_docker_hub_go_with_images_named_without_a_registry() {
        registries.add(new RegistryDraft("Docker Hub", "https://index.docker.io", true, "me", PASSWORD));

        assertThat(registries.registryAuthFor("mariadb:11").flatMap(Credentials::fromXRegistryAuth))
                .contains(new Credentials("me", PASSWORD));
        assertThat(registries.registryAuthFor("docker.io/library/mariadb:11")).isPresent();
    }

    @Test
    void a_sealed_password_copied_to_another_registry_does_not_open() {
        Registry team = registries.add(new RegistryDraft("Team", "https://a.example.com", true, "u", PASSWORD));
        Registry other = registries.add(new RegistryDraft("Other", "https://b.example.com", true, "u", "other"));
        jdbc.update("UPDATE registries SET password_sealed = (SELECT password_sealed FROM registries WHERE id = ?) "
                + "WHERE id = ?", team.id(), other.id());

        assertThatThrownBy(() -> registries.credentials(other.id())).isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void a_change_without_a_password_keeps_the_stored_one_and_removing_the_user_removes_both() {
        Registry r = registries.add(new RegistryDraft("Team", "https://a.example.com", true, "u", PASSWORD));

        registries.update(r.id(), new RegistryDraft("Team", "https://moved.example.com", false, "u", null));
        assertThat(registries.credentials(r.id())).contains(new Credentials("u", PASSWORD));
        assertThat(registries.get(r.id()).enabled()).isFalse();

        registries.update(r.id(), new RegistryDraft("Team", "https://moved.example.com", true, "", null));
        assertThat(registries.credentials(r.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registries WHERE password_sealed IS NULL", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void bad_registries_are_refused_with_the_reason() {
        registries.add(new RegistryDraft("Team", "https://a.example.com", true, null, null));

        assertThatThrownBy(() -> registries.add(new RegistryDraft("x", "ftp://a.example.com", true, null, null)))
                .isInstanceOf(InvalidRegistryException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> registries.add(new RegistryDraft("x", "https://a.example.com/v1/x", true, null, null)))
                .hasMessageContaining("no user, path or query");
        assertThatThrownBy(() -> registries.add(new RegistryDraft("team", "https://b.example.com", true, null, null)))
                .hasMessageContaining("already a registry named team");
        assertThatThrownBy(() -> registries.add(new RegistryDraft("B", "https://A.example.com/", true, null, null)))
                .hasMessageContaining("https://a.example.com is already known");
        assertThatThrownBy(() -> registries.add(new RegistryDraft("B", "https://b.example.com", true, "u", null)))
                .hasMessageContaining("needs a password");
        assertThatThrownBy(() -> registries.add(new RegistryDraft("B", "https://b.example.com", true, null, "p")))
                .hasMessageContaining("needs a user name");
        assertThatThrownBy(() -> registries.get(999)).isInstanceOf(RegistryNotFoundException.class);
        assertThat(registries.list()).extracting(Registry::name).containsExactly("Team");
    }

    @Test
    void a_key_file_left_readable_by_others_is_made_owner_only() throws IOException {
        Path dir = Files.createTempDirectory(DATA, "keys");
        CredentialCipher first = CredentialCipher.withKeyIn(dir);
        String sealed = first.seal("secret", "ctx");
        Path key = dir.resolve(CredentialCipher.KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        CredentialCipher second = CredentialCipher.withKeyIn(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(second.open(sealed, "ctx")).isEqualTo("secret");
        assertThat(first.seal("secret", "ctx")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    private static Path temporaryDataRoot() {
        try {
            return Files.createTempDirectory("gantry-registry-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
