package io.gantry.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS: a registry that requires a client certificate gets the one in Docker's layout,
 * {@code certs.d/<host:port>/client.cert} and {@code client.key}, and a client without one is refused.
 */
class ClientCertificateRegistryTest {

    @RegisterExtension
    static final LocalRegistry MUTUAL_TLS = LocalRegistry.httpsWithClientCertificates();

    @TempDir
    Path root;

    @Test
    void the_client_certificate_in_the_certs_directory_opens_the_registry_for_push_and_pull() throws Exception {
        RegistryClient client = new RegistryClient(settings(MUTUAL_TLS.certsDir()));
        ContentStore source = FileContentStore.open(root.resolve("source"));
        TestImages.TestImage image = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64",
                new TarBuilder().file("hello", "mutual").tarGz());
        ImageReference reference = ImageReference.parse(MUTUAL_TLS.host() + "/mtls:1");

        TestImages.push(client, source, reference, image, LocalRegistry.USER);
        ContentStore store = FileContentStore.open(root.resolve("pulled"));
        PulledImage pulled = client.pull(reference, Platform.LINUX_AMD64, store, PullProgress.NONE, LocalRegistry.USER);

        assertThat(pulled.manifest()).isEqualTo(image.manifest());
        assertThat(store.exists(image.layers().get(0).digest())).isTrue();
    }

    @Test
    void without_a_client_certificate_the_registry_refuses_the_connection() throws Exception {
        Path caOnly = root.resolve("certs.d");
        Path hostDir = Files.createDirectories(caOnly.resolve(MUTUAL_TLS.host()));
        Files.copy(MUTUAL_TLS.certsDir().resolve(MUTUAL_TLS.host()).resolve("ca.crt"), hostDir.resolve("ca.crt"));
        RegistryClient client = new RegistryClient(settings(caOnly));

        assertThatThrownBy(() -> client.fetchManifest(ImageReference.parse(MUTUAL_TLS.host() + "/mtls:1"), LocalRegistry.USER))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("fetch manifest " + MUTUAL_TLS.host() + "/mtls:1");
    }

    @Test
    void a_certificate_without_its_key_is_not_shown() throws Exception {
        Path certs = root.resolve("certs.d");
        Path hostDir = Files.createDirectories(certs.resolve(MUTUAL_TLS.host()));
        Path original = MUTUAL_TLS.certsDir().resolve(MUTUAL_TLS.host());
        Files.copy(original.resolve("ca.crt"), hostDir.resolve("ca.crt"));
        Files.copy(original.resolve("client.cert"), hostDir.resolve("client.cert"));
        RegistryClient client = new RegistryClient(settings(certs));

        assertThatThrownBy(() -> client.fetchManifest(ImageReference.parse(MUTUAL_TLS.host() + "/mtls:1"), LocalRegistry.USER))
                .isInstanceOf(RegistryException.class);

        Files.copy(original.resolve("client.key"), hostDir.resolve("client.key")); // read at the next handshake
        assertThatThrownBy(() -> client.fetchManifest(ImageReference.parse(MUTUAL_TLS.host() + "/mtls:nope"), LocalRegistry.USER))
                .isInstanceOf(RegistryException.class).hasMessageContaining("MANIFEST_UNKNOWN");
    }

    private static RegistrySettings settings(Path certsDir) {
        return RegistrySettings.onlyConfigured(MUTUAL_TLS.hosts()).withCertsDir(certsDir);
    }
}
