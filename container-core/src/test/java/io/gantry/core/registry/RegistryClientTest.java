package io.gantry.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.LayerExtractor;
import io.gantry.core.archive.LayerSummary;
import io.gantry.core.content.ContentInfo;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pulls and pushes against a real Debian docker-registry on loopback, with only that registry allowed. */
class RegistryClientTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    private static ContentStore source;
    private static RegistryClient client;
    private static TestImages.TestImage busybox;
    private static TestImages.TestImage arm64;
    private static TestImages.TestImage dockerImage;
    private static Descriptor index;

    @TempDir
    Path root;

    private ContentStore store;
    private final List<LayerProgress> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void pushTestImages() throws Exception {
        client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(REGISTRY.host())));
        source = FileContentStore.open(shared.resolve("source"));
        busybox = TestImages.busybox(source, "amd64");
        arm64 = TestImages.single(source, MediaTypes.OCI_MANIFEST, "arch", "arm64 stand-in");
        dockerImage = TestImages.single(source, MediaTypes.DOCKER_MANIFEST, "etc/hostname", "docker schema 2");
        TestImages.push(client, source, ref("busybox:latest"), busybox);
        TestImages.push(client, source, ref("arm-only:1"), arm64);
        TestImages.push(client, source, ref("docker:2"), dockerImage);
        Map<Platform, TestImages.TestImage> platforms = new LinkedHashMap<>();
        platforms.put(new Platform("arm64", "linux", null, List.of(), "v8"), arm64);
        platforms.put(Platform.LINUX_AMD64, busybox);
        for (TestImages.TestImage child : platforms.values()) {
            TestImages.push(client, source, ref("multi@" + child.manifest().digest()), child);
        }
        List<byte[]> body = new ArrayList<>();
        index = TestImages.index(source, platforms, body);
        client.pushManifest(ref("multi:1"), index, body.get(0), null);
    }

    @BeforeEach
    void freshStore() throws IOException {
        store = FileContentStore.open(root);
    }

    @Test
    void ping_finds_a_v2_registry() {
        assertThat(client.ping(REGISTRY.host())).isTrue();
    }

    @Test
    void pulls_by_tag_with_progress_that_adds_up_to_the_layer_sizes() throws IOException {
        PulledImage pulled = client.pull(ref("busybox"), Platform.LINUX_AMD64, store, events::add, null);

        assertThat(pulled.manifest().digest()).isEqualTo(busybox.manifest().digest());
        assertThat(pulled.reference().digest()).isEqualTo(busybox.manifest().digest());
        assertThat(pulled.config().config().cmd()).containsExactly("sh");
        assertThat(store.exists(busybox.manifest().digest())).isTrue();
        assertThat(store.exists(busybox.config().digest())).isTrue();
        Descriptor layer = busybox.layers().get(0);
        assertThat(store.info(layer.digest())).get().extracting(ContentInfo::size).isEqualTo(layer.size());
        long verified = events.stream().filter(e -> e.phase() == LayerProgress.Phase.VERIFIED).mapToLong(LayerProgress::done).sum();
        assertThat(verified).isEqualTo(layer.size());
        assertThat(events).filteredOn(e -> e.phase() == LayerProgress.Phase.DOWNLOADING)
                .extracting(LayerProgress::done).isSorted().last().isEqualTo(layer.size());
    }

    @Test
    void a_pulled_busybox_layer_unpacks_with_relative_applet_links_and_its_diff_id() throws IOException {
        PulledImage pulled = client.pull(ref("busybox:latest"), Platform.LINUX_AMD64, store, PullProgress.NONE, null);
        Path layerDir = Files.createDirectory(root.resolve("layer"));
        LayerSummary summary;
        try (InputStream in = store.open(busybox.layers().get(0).digest())) {
            summary = LayerExtractor.forCurrentUser(ExtractionLimits.DEFAULTS).extract(in, layerDir);
        }
        assertThat(summary.diffId().toString()).isEqualTo(pulled.config().rootfs().diffIds().get(0));
        assertThat(Files.readSymbolicLink(layerDir.resolve("bin/sh"))).hasToString("busybox");
        assertThat(Files.isExecutable(layerDir.resolve("bin/busybox"))).isTrue();
    }

    @Test
    void pulls_by_digest() {
        ImageReference pinned = ImageReference.parse(REGISTRY.host() + "/busybox@" + busybox.manifest().digest());
        PulledImage pulled = client.pull(pinned, Platform.LINUX_AMD64, store, PullProgress.NONE, null);
        assertThat(pulled.manifest()).isEqualTo(busybox.manifest());
    }

    @Test
    void pulls_a_docker_schema2_image() {
        PulledImage pulled = client.pull(ref("docker:2"), Platform.LINUX_AMD64, store, PullProgress.NONE, null);
        assertThat(pulled.manifest().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void picks_the_host_platform_out_of_an_index() throws IOException {
        PulledImage pulled = client.pull(ref("multi:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, null);
        assertThat(pulled.manifest().digest()).isEqualTo(busybox.manifest().digest());
        assertThat(pulled.reference().digest()).isEqualTo(index.digest());
        assertThat(store.exists(index.digest())).isTrue();
        assertThat(store.exists(arm64.layers().get(0).digest())).isFalse();
    }

    @Test
    void an_index_without_the_wanted_platform_fails_clearly() {
        assertThatThrownBy(() -> client.pull(ref("multi:1"), Platform.of("linux", "s390x"), store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("no manifest for linux/s390x");
    }

    @Test
    void a_second_pull_downloads_no_blob() {
        client.pull(ref("busybox"), Platform.LINUX_AMD64, store, PullProgress.NONE, null);
        client.pull(ref("busybox"), Platform.LINUX_AMD64, store, events::add, null);
        assertThat(events).isNotEmpty().allMatch(e -> e.phase() == LayerProgress.Phase.ALREADY_EXISTS);
    }

    @Test
    void an_unknown_tag_fails_with_the_registry_error() {
        assertThatThrownBy(() -> client.pull(ref("busybox:nope"), Platform.LINUX_AMD64, store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("pull " + REGISTRY.host() + "/busybox:nope")
                .hasMessageContaining("MANIFEST_UNKNOWN");
    }

    @Test
    void an_unconfigured_registry_is_never_contacted() {
        assertThatThrownBy(() -> client.pull(ImageReference.parse("busybox"), Platform.LINUX_AMD64, store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("registry-1.docker.io is not a configured registry");
    }

    @Test
    void a_tampered_blob_fails_the_pull_and_stores_neither_layer_nor_manifest() throws Exception {
        TestImages.TestImage victim = TestImages.single(source, MediaTypes.OCI_MANIFEST, "victim", "x".repeat(4096));
        TestImages.push(client, source, ref("victim:1"), victim);
        Descriptor layer = victim.layers().get(0);
        try (RandomAccessFile data = new RandomAccessFile(REGISTRY.blobData(layer.digest().hex()).toFile(), "rw")) {
            data.seek(layer.size() / 2);
            int b = data.read();
            data.seek(layer.size() / 2);
            data.write(b ^ 0xff);
        }

        assertThatThrownBy(() -> client.pull(ref("victim:1"), Platform.LINUX_AMD64, store, PullProgress.NONE, null))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("fetch blob")
                .hasMessageContaining("expected " + layer.digest());
        assertThat(store.exists(layer.digest())).isFalse();
        assertThat(store.exists(victim.manifest().digest())).isFalse();
        try (var ingest = Files.list(root.resolve("ingest"))) {
            assertThat(ingest).isEmpty();
        }
    }

    private static ImageReference ref(String nameAndTag) {
        return ImageReference.parse(REGISTRY.host() + "/" + nameAndTag);
    }
}
