package io.gantry.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pulls through each flavour of real registry: plain HTTP, HTTPS (a CA trusted only through the per-registry CA
 * directory) with Basic auth, and token auth with the token service double. Only those hosts may be contacted.
 */
class SecuredRegistriesTest {

    @RegisterExtension
    static final LocalRegistry PLAIN = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry HTTPS = LocalRegistry.httpsWithBasicAuth();
    @RegisterExtension
    static final LocalRegistry TOKEN = LocalRegistry.withTokenAuth();

    @TempDir
    static Path shared;

    static RegistryClient client;
    static TestImages.TestImage twoLayers;
    static TestImages.TestImage arm64;
    static Descriptor index;

    @TempDir
    Path root;

    ContentStore store;
    final List<LayerProgress> events = new CopyOnWriteArrayList<>();

    static Stream<LocalRegistry> registries() {
        return Stream.of(PLAIN, HTTPS, TOKEN);
    }

    /** Parameters name the flavour: JUnit closes AutoCloseable arguments, which would stop the registry itself. */
    static Stream<LocalRegistry.Security> flavours() {
        return Stream.of(LocalRegistry.Security.values());
    }

    static Stream<LocalRegistry.Security> secured() {
        return Stream.of(LocalRegistry.Security.HTTPS_BASIC, LocalRegistry.Security.TOKEN);
    }

    static LocalRegistry registry(LocalRegistry.Security security) {
        return registries().filter(r -> r.security() == security).findFirst().orElseThrow();
    }

    @BeforeAll
    static void pushTestImages() throws Exception {
        client = new RegistryClient(settings(HTTPS.certsDir()));
        ContentStore source = FileContentStore.open(shared.resolve("source"));
        byte[] base = TestImages.busyboxLayer();
        twoLayers = TestImages.layered(source, MediaTypes.OCI_MANIFEST, "amd64",
                List.of(base, new TarBuilder().dir("etc").file("etc/motd", "x".repeat(300_000)).tarGz()),
                new ImageConfig.ContainerConfig(null, Map.of(), List.of("PATH=/bin"), List.of(), List.of("sh"), Map.of(), "/",
                        Map.of(), null, null));
        arm64 = TestImages.image(source, MediaTypes.OCI_MANIFEST, "arm64", new TarBuilder().file("arch", "arm64").tarGz());
        Map<Platform, TestImages.TestImage> platforms = new LinkedHashMap<>();
        platforms.put(new Platform("arm64", "linux", null, List.of(), "v8"), arm64);
        platforms.put(Platform.LINUX_AMD64, twoLayers);
        List<byte[]> body = new ArrayList<>();
        index = TestImages.index(source, platforms, body);
        for (LocalRegistry registry : registries().toList()) {
            TestImages.push(client, source, ref(registry, "app:1"), twoLayers, registry.credentials());
            for (TestImages.TestImage child : platforms.values()) {
                TestImages.push(client, source, ref(registry, "multi@" + child.manifest().digest()), child,
                        registry.credentials());
            }
            client.pushManifest(ref(registry, "multi:1"), index, body.get(0), registry.credentials());
        }
    }

    /** Every fixture host, the per-registry CAs under {@code certs}, nothing else. */
    static RegistrySettings settings(Path certs) {
        Set<String> hosts = new HashSet<>();
        registries().forEach(registry -> hosts.addAll(registry.hosts()));
        return RegistrySettings.onlyConfigured(hosts).withCertsDir(certs);
    }

    @BeforeEach
    void freshStore() throws IOException {
        store = FileContentStore.open(root.resolve("content"));
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void pulls_by_tag_with_progress_that_adds_up_to_each_layer_size(LocalRegistry.Security flavour) {
        LocalRegistry registry = registry(flavour);
        PulledImage pulled = client.pull(ref(registry, "app:1"), Platform.LINUX_AMD64, store, events::add,
                registry.credentials());

        assertThat(pulled.manifest()).isEqualTo(twoLayers.manifest());
        Map<Digest, Long> verified = events.stream().filter(e -> e.phase() == LayerProgress.Phase.VERIFIED)
                .collect(Collectors.toMap(LayerProgress::digest, LayerProgress::done));
        Map<Digest, Long> sizes = twoLayers.layers().stream().collect(Collectors.toMap(Descriptor::digest, Descriptor::size));
        assertThat(verified).isEqualTo(sizes);
        for (Descriptor layer : twoLayers.layers()) {
            assertThat(events).filteredOn(e -> e.digest().equals(layer.digest()) && e.phase() == LayerProgress.Phase.DOWNLOADING)
                    .extracting(LayerProgress::done).isSorted().last().isEqualTo(layer.size());
        }
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void pulls_by_digest(LocalRegistry.Security flavour) {
        LocalRegistry registry = registry(flavour);
        ImageReference pinned = ImageReference.parse(registry.host() + "/app@" + twoLayers.manifest().digest());
        PulledImage pulled = client.pull(pinned, Platform.LINUX_AMD64, store, PullProgress.NONE, registry.credentials());
        assertThat(pulled.manifest()).isEqualTo(twoLayers.manifest());
        assertThat(pulled.reference().digest()).isEqualTo(twoLayers.manifest().digest());
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void picks_the_host_platform_out_of_a_multi_platform_index(LocalRegistry.Security flavour) throws IOException {
        LocalRegistry registry = registry(flavour);
        PulledImage pulled = client.pull(ref(registry, "multi:1"), Platform.LINUX_AMD64, store, PullProgress.NONE,
                registry.credentials());
        assertThat(pulled.manifest().digest()).isEqualTo(twoLayers.manifest().digest());
        assertThat(pulled.reference().digest()).isEqualTo(index.digest());
        assertThat(store.exists(arm64.layers().get(0).digest())).isFalse();

        PulledImage arm = client.pull(ref(registry, "multi:1"), new Platform("arm64", "linux", null, List.of(), "v8"), store,
                PullProgress.NONE, registry.credentials());
        assertThat(arm.manifest().digest()).isEqualTo(arm64.manifest().digest());
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void a_second_pull_downloads_nothing(LocalRegistry.Security flavour) {
        LocalRegistry registry = registry(flavour);
        client.pull(ref(registry, "app:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, registry.credentials());
        client.pull(ref(registry, "app:1"), Platform.LINUX_AMD64, store, events::add, registry.credentials());
        assertThat(events).hasSize(twoLayers.layers().size()).allMatch(e -> e.phase() == LayerProgress.Phase.ALREADY_EXISTS);
    }

    @ParameterizedTest
    @MethodSource("secured")
    void a_pull_without_credentials_says_they_are_missing_and_stores_nothing(LocalRegistry.Security flavour) throws IOException {
        LocalRegistry registry = registry(flavour);
        assertThatThrownBy(() -> client.pull(ref(registry, "app:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("pull " + registry.host() + "/app:1")
                .hasMessageContaining("no credentials were given")
                .extracting(e -> ((RegistryException) e).status()).isEqualTo(401);
        assertThat(storedBlobs()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("secured")
    void a_pull_with_a_wrong_password_says_the_credentials_were_refused(LocalRegistry.Security flavour) throws IOException {
        LocalRegistry registry = registry(flavour);
        Credentials wrong = new Credentials(LocalRegistry.USER.username(), "not-the-password");
        String reason = registry.security() == LocalRegistry.Security.TOKEN
                ? "token from " + TOKEN.tokenService().realm() + ": HTTP 401 incorrect username or password"
                : "the registry refused the credentials of " + wrong.username();
        assertThatThrownBy(() -> client.pull(ref(registry, "app:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, wrong))
                .isInstanceOf(RegistryException.class).hasMessageContaining(reason)
                .extracting(e -> ((RegistryException) e).status()).isEqualTo(401);
        assertThat(storedBlobs()).isEmpty();
    }

    @Test
    void a_wrong_password_is_refused_even_after_the_right_one_was_accepted() {
        client.pull(ref(TOKEN, "app:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, LocalRegistry.USER);
        client.pull(ref(HTTPS, "app:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, LocalRegistry.USER);
        Credentials wrong = new Credentials(LocalRegistry.USER.username(), "guess");
        for (LocalRegistry registry : List.of(TOKEN, HTTPS)) {
            assertThatThrownBy(() -> client.fetchManifest(ref(registry, "app:1"), wrong))
                    .isInstanceOf(RegistryException.class).extracting(e -> ((RegistryException) e).status()).isEqualTo(401);
        }
    }

    @Test
    void the_https_registry_is_trusted_only_through_its_ca_directory() throws Exception {
        Path otherCerts = root.resolve("other-certs");
        TestCertificates other = TestCertificates.createCa(root.resolve("other-ca"));
        Files.createDirectories(otherCerts.resolve(HTTPS.host()));
        Files.copy(other.caCertificate(), otherCerts.resolve(HTTPS.host()).resolve("ca.crt"));
        RegistryClient distrusting = new RegistryClient(settings(otherCerts));

        assertThatThrownBy(() -> distrusting.fetchManifest(ref(HTTPS, "app:1"), LocalRegistry.USER))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("fetch manifest " + HTTPS.host() + "/app:1")
                .hasMessageContaining("PKIX");
        assertThat(client.fetchManifest(ref(HTTPS, "app:1"), LocalRegistry.USER).descriptor())
                .isEqualTo(twoLayers.manifest());
    }

    @Test
    void login_checks_credentials_against_each_secured_registry() {
        for (LocalRegistry registry : List.of(HTTPS, TOKEN)) {
            client.login(registry.host(), LocalRegistry.USER);
            assertThatThrownBy(() -> client.login(registry.host(), new Credentials("gantry", "nope")))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("login to " + registry.host())
                    .extracting(e -> ((RegistryException) e).status()).isEqualTo(401);
        }
        assertThat(TOKEN.tokenService().requests()).anyMatch(request -> request.startsWith("gantry service=")
                && !request.contains("scope="));
    }

    private List<Path> storedBlobs() throws IOException {
        Path blobs = root.resolve("content/blobs");
        if (!Files.exists(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static ImageReference ref(LocalRegistry registry, String nameAndTag) {
        return ImageReference.parse(registry.host() + "/" + nameAndTag);
    }
}
