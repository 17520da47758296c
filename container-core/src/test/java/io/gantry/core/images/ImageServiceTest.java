package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.EngineException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Mount;
import io.gantry.core.snapshot.OverlaySnapshotter;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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

/** The image facade against a real Debian docker-registry on loopback, with only loopback hosts allowed. */
class ImageServiceTest {

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    static RegistryClient client;
    static String deadMirror;
    static TestImages.TestImage busybox;
    static TestImages.TestImage app1;
    static TestImages.TestImage app2;
    static Descriptor index;

    @TempDir
    Path root;

    Snapshotter snapshotter;
    final Set<Digest> imagesInUse = new HashSet<>();
    final Set<ChainId> layersInUse = new HashSet<>();
    final List<PullEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void pushTestImages() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadMirror = "127.0.0.1:" + socket.getLocalPort(); // nothing listens once the socket is closed
        }
        client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(REGISTRY.host(), deadMirror)));
        ContentStore source = FileContentStore.open(shared.resolve("source"));
        byte[] base = TestImages.busyboxLayer();
        busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64", base);
        ImageConfig.ContainerConfig defaults = new ImageConfig.ContainerConfig("nobody", Map.of("80/tcp", Map.of()),
                List.of("PATH=/bin", "APP=1"), List.of("/bin/sh", "-c"), List.of("cat /etc/app.conf"), Map.of("/data", Map.of()),
                "/srv", Map.of("org.example.app", "yes"), "SIGQUIT", null);
        app1 = TestImages.layered(source, MediaTypes.DOCKER_MANIFEST, "amd64",
                List.of(base, new TarBuilder().dir("etc").file("etc/app.conf", "v1").tarGz()), defaults);
        app2 = TestImages.layered(source, MediaTypes.OCI_MANIFEST, "amd64",
                List.of(base, new TarBuilder().dir("etc").file("etc/app.conf", "version two").tarGz()), defaults);
        TestImages.push(client, source, ref("busybox:latest"), busybox);
        TestImages.push(client, source, ref("library/busybox:latest"), busybox);
        TestImages.push(client, source, ref("app:1"), app1);
        TestImages.push(client, source, ref("app:2"), app2);
        TestImages.TestImage arm = TestImages.single(source, MediaTypes.OCI_MANIFEST, "arch", "arm64 stand-in");
        Map<Platform, TestImages.TestImage> platforms = new LinkedHashMap<>();
        platforms.put(new Platform("arm64", "linux", null, List.of(), "v8"), arm);
        platforms.put(Platform.LINUX_AMD64, busybox);
        for (TestImages.TestImage child : platforms.values()) {
            TestImages.push(client, source, ref("multi@" + child.manifest().digest()), child);
        }
        List<byte[]> body = new ArrayList<>();
        index = TestImages.index(source, platforms, body);
        client.pushManifest(ref("multi:1"), index, body.get(0), null);
    }

    @BeforeEach
    void snapshots() {
        snapshotter = new OverlaySnapshotter(root.resolve("snapshots"));
    }

    ImageService service(String... mirrors) {
        return ImageService.builder(root, snapshotter).registry(client).mirrors(List.of(mirrors))
                .platform(Platform.LINUX_AMD64).users(new ImageUsers() {
                    @Override
                    public Set<Digest> images() {
                        return imagesInUse;
                    }

                    @Override
                    public Set<ChainId> layers() {
                        return layersInUse;
                    }
                }).open();
    }

    @Test
    void a_pull_by_tag_unpacks_each_layer_once_and_records_the_tag_and_digest() {
        ImageService images = service();
        Image app = images.pull(REGISTRY.host() + "/app:1", null, events::add);

        assertThat(app.id()).isEqualTo(app1.config().digest());
        assertThat(app.repoTags()).containsExactly(REGISTRY.host() + "/app:1");
        assertThat(app.repoDigests()).containsExactly(REGISTRY.host() + "/app@" + app1.manifest().digest());
        assertThat(app.layers()).hasSize(2).allMatch(snapshotter::hasLayer);
        assertThat(snapshotter.layerPath(app.layers().get(1)).resolve("etc/app.conf")).hasContent("v1");
        assertThat(snapshotter.layerPath(app.layers().get(0)).resolve("bin/busybox")).isExecutable();
        assertThat(snapshotter.layers()).hasSize(2);
    }

    @Test
    void progress_follows_dockers_statuses_and_adds_up_to_each_layer_size() {
        service().pull(REGISTRY.host() + "/app:1", null, events::add);

        assertThat(events.get(0).statusLine()).isEqualTo("Pulling from app");
        for (Descriptor layer : app1.layers()) {
            String id = layer.digest().shortHex();
            List<PullEvent> mine = events.stream().filter(e -> e.id().equals(id)).toList();
            assertThat(mine).extracting(PullEvent::status).containsSubsequence(PullEvent.Status.PULLING_FS_LAYER,
                    PullEvent.Status.DOWNLOADING, PullEvent.Status.VERIFYING, PullEvent.Status.DOWNLOAD_COMPLETE,
                    PullEvent.Status.EXTRACTING, PullEvent.Status.PULL_COMPLETE);
            assertThat(mine).filteredOn(e -> e.status() == PullEvent.Status.DOWNLOADING).extracting(PullEvent::current)
                    .isSorted().last().isEqualTo(layer.size());
            assertThat(mine).filteredOn(e -> e.status() == PullEvent.Status.EXTRACTING).extracting(PullEvent::current)
                    .isSorted().last().isEqualTo(layer.size());
            assertThat(mine).allMatch(e -> e.total() == layer.size());
        }
        assertThat(events.get(events.size() - 2).statusLine()).isEqualTo("Digest: " + app1.manifest().digest());
        assertThat(events.get(events.size() - 1).statusLine())
                .isEqualTo("Status: Downloaded newer image for " + REGISTRY.host() + "/app:1");
    }

    @Test
    void a_second_pull_downloads_nothing_and_says_up_to_date() {
        ImageService images = service();
        images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        images.pull(REGISTRY.host() + "/app:1", null, events::add);

        assertThat(events).noneMatch(e -> e.status() == PullEvent.Status.DOWNLOADING || e.status() == PullEvent.Status.EXTRACTING);
        assertThat(events).filteredOn(e -> e.status().isLayerEvent()).extracting(PullEvent::status)
                .containsOnly(PullEvent.Status.ALREADY_EXISTS);
        assertThat(events.get(events.size() - 1).statusLine()).startsWith("Status: Image is up to date for");
    }

    @Test
    void a_shared_base_layer_is_not_unpacked_again_for_another_image() {
        ImageService images = service();
        images.pull(REGISTRY.host() + "/busybox", null, e -> { });
        images.pull(REGISTRY.host() + "/app:2", null, events::add);

        String base = busybox.layers().get(0).digest().shortHex();
        assertThat(events).filteredOn(e -> e.id().equals(base)).extracting(PullEvent::status)
                .containsExactly(PullEvent.Status.ALREADY_EXISTS);
        assertThat(snapshotter.layers()).hasSize(2);
    }

    @Test
    void a_pull_by_digest_records_the_digest_but_no_tag() {
        Image pinned = service().pull(REGISTRY.host() + "/app@" + app2.manifest().digest(), null, events::add);

        assertThat(pinned.repoTags()).isEmpty();
        assertThat(pinned.repoDigests()).containsExactly(REGISTRY.host() + "/app@" + app2.manifest().digest());
        assertThat(events.get(0).id()).isEqualTo(app2.manifest().digest().toString());
    }

    @Test
    void a_pull_through_an_index_takes_the_platform_manifest_and_records_the_index_digest() {
        ImageService images = service();
        Image multi = images.pull(REGISTRY.host() + "/multi:1", null, events::add);

        assertThat(multi.id()).isEqualTo(busybox.config().digest());
        assertThat(multi.manifest()).isEqualTo(busybox.manifest());
        assertThat(multi.repoDigests()).containsExactly(REGISTRY.host() + "/multi@" + index.digest());
        assertThat(images.inspect(REGISTRY.host() + "/multi@" + index.digest()).id()).isEqualTo(multi.id());
    }

    @Test
    void docker_hub_references_go_to_the_mirrors_in_order_before_docker_io() {
        Image pulled = service("http://" + deadMirror, "http://" + REGISTRY.host()).pull("busybox", null, events::add);

        assertThat(pulled.repoTags()).containsExactly("busybox:latest");
        assertThat(pulled.repoDigests()).containsExactly("busybox@" + busybox.manifest().digest());
        assertThat(service().inspect("docker.io/library/busybox:latest").id()).isEqualTo(busybox.config().digest());
    }

    @Test
    void when_every_mirror_fails_upstream_is_tried_and_the_error_names_them_all() {
        assertThatThrownBy(() -> service("http://" + deadMirror).pull("busybox:latest", null, events::add))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("registry-1.docker.io is not a configured registry")
                .hasMessageContaining("mirrors failed first: " + deadMirror);
    }

    @Test
    void an_unknown_tag_is_not_found_and_leaves_nothing_visible() {
        ImageService images = service();
        assertThatThrownBy(() -> images.pull(REGISTRY.host() + "/app:nope", null, events::add))
                .isInstanceOf(EngineException.class)
                .extracting(e -> ((EngineException) e).kind()).isEqualTo(EngineException.Kind.NOT_FOUND);
        assertThat(images.list()).isEmpty();
    }

    @Test
    void inspect_shows_the_container_defaults_and_diff_ids() {
        ImageService images = service();
        images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        Image app = images.inspect(REGISTRY.host() + "/app:1");

        ImageConfig.ContainerConfig defaults = app.containerConfig();
        assertThat(defaults.cmd()).containsExactly("cat /etc/app.conf");
        assertThat(defaults.entrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(defaults.env()).containsExactly("PATH=/bin", "APP=1");
        assertThat(defaults.workingDir()).isEqualTo("/srv");
        assertThat(defaults.user()).isEqualTo("nobody");
        assertThat(defaults.exposedPorts()).containsOnlyKeys("80/tcp");
        assertThat(defaults.volumes()).containsOnlyKeys("/data");
        assertThat(defaults.labels()).containsEntry("org.example.app", "yes");
        assertThat(defaults.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(app.config().rootfs().diffIds()).hasSize(2);
        assertThat(app.created()).hasToString("2024-01-02T03:04:05Z");
        assertThat(images.inspect(app.id().toString()).id()).isEqualTo(app.id());
        assertThat(images.inspect(app.id().hex().substring(0, 12)).id()).isEqualTo(app.id());
        assertThatThrownBy(() -> images.inspect("nothing:here")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: nothing:here");
    }

    @Test
    void list_reports_size_and_the_size_shared_with_other_images() {
        ImageService images = service();
        images.pull(REGISTRY.host() + "/busybox", null, e -> { });
        images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        images.pull(REGISTRY.host() + "/app:2", null, e -> { });

        List<Image> all = images.list();
        assertThat(all).hasSize(3);
        Image bb = images.inspect(REGISTRY.host() + "/busybox");
        Image app = images.inspect(REGISTRY.host() + "/app:2");
        long busyboxBytes = Files.isRegularFile(TestImages.BUSYBOX) ? TestImages.BUSYBOX.toFile().length() : 0;
        assertThat(bb.size()).isEqualTo(busyboxBytes);
        assertThat(bb.sharedSize()).isEqualTo(busyboxBytes);
        assertThat(app.size()).isEqualTo(busyboxBytes + "version two".length());
        assertThat(app.sharedSize()).isEqualTo(busyboxBytes);
    }

    @Test
    void history_lists_steps_newest_first_with_layer_sizes() {
        ImageService images = service();
        images.pull(REGISTRY.host() + "/app:2", null, e -> { });
        List<HistoryEntry> history = images.history(REGISTRY.host() + "/app:2");

        assertThat(history).extracting(HistoryEntry::createdBy)
                .containsExactly("gantry TestImages layer 2", "gantry TestImages layer 1");
        assertThat(history.get(0).id()).isEqualTo(app2.config().digest().toString());
        assertThat(history.get(0).size()).isEqualTo("version two".length());
        assertThat(history.get(0).tags()).containsExactly(REGISTRY.host() + "/app:2");
        assertThat(history.get(1).id()).isEqualTo("<missing>");
    }

    @Test
    void tag_adds_a_name_and_moves_it_from_another_image() {
        ImageService images = service();
        Image one = images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        Image two = images.pull(REGISTRY.host() + "/app:2", null, e -> { });

        images.tag(REGISTRY.host() + "/app:1", "mine:stable");
        assertThat(images.inspect("mine:stable").id()).isEqualTo(one.id());
        assertThat(images.inspect(one.id().toString()).repoTags()).contains("mine:stable");
        images.tag(two.id().hex().substring(0, 10), "mine:stable");
        assertThat(images.inspect("mine:stable").id()).isEqualTo(two.id());
        assertThat(images.inspect(one.id().toString()).repoTags()).doesNotContain("mine:stable");
        assertThatThrownBy(() -> images.tag("mine:stable", "x@" + two.id())).hasMessageContaining("digest");
    }

    @Test
    void removing_one_of_several_tags_only_untags() {
        ImageService images = service();
        Image app = images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        images.tag(app.id().toString(), "mine:1");

        RemovedImages removed = images.remove("mine:1", false);
        assertThat(removed.untagged()).containsExactly("mine:1");
        assertThat(removed.deleted()).isEmpty();
        assertThat(images.inspect(app.id().toString()).repoTags()).containsExactly(REGISTRY.host() + "/app:1");
    }

    @Test
    void removing_the_last_tag_deletes_the_image_and_collects_its_layers_but_not_shared_ones() throws IOException {
        ImageService images = service();
        images.pull(REGISTRY.host() + "/busybox", null, e -> { });
        Image app = images.pull(REGISTRY.host() + "/app:1", null, e -> { });

        RemovedImages removed = images.remove(REGISTRY.host() + "/app:1", false);
        assertThat(removed.untagged()).containsExactly(REGISTRY.host() + "/app:1",
                REGISTRY.host() + "/app@" + app1.manifest().digest());
        assertThat(removed.deleted()).containsExactly(app.id());
        assertThat(removed.spaceReclaimed()).isPositive();
        assertThat(snapshotter.hasLayer(app.layers().get(1))).isFalse();
        assertThat(snapshotter.hasLayer(app.layers().get(0))).isTrue();
        assertThat(images.content().exists(app1.layers().get(1).digest())).isFalse();
        assertThat(images.content().exists(app1.config().digest())).isFalse();
        assertThat(images.content().exists(busybox.layers().get(0).digest())).isTrue();
        assertThatThrownBy(() -> images.inspect(app.id().toString())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_image_tagged_twice_or_in_use_is_deleted_by_id_only_when_forced() {
        ImageService images = service();
        Image app = images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        images.tag(app.id().toString(), "mine:1");

        assertThatThrownBy(() -> images.remove(app.id().toString(), false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("referenced in multiple repositories");
        images.remove("mine:1", false);
        imagesInUse.add(app.id());
        assertThatThrownBy(() -> images.remove(REGISTRY.host() + "/app:1", false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("container is using");
        RemovedImages forced = images.remove(app.id().toString(), true);
        assertThat(forced.deleted()).isEmpty();
        assertThat(images.inspect(app.id().toString()).repoTags()).isEmpty();
        imagesInUse.clear();
        assertThat(images.remove(app.id().toString(), false).deleted()).containsExactly(app.id());
    }

    @Test
    void prune_removes_dangling_images_not_in_use_and_with_all_every_unused_image() {
        ImageService images = service();
        Image one = images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        Image two = images.pull(REGISTRY.host() + "/app:2", null, e -> { });
        images.tag(two.id().toString(), REGISTRY.host() + "/app:1"); // app:1 moves on: the old image dangles

        RemovedImages dangling = images.prune(false);
        assertThat(dangling.deleted()).containsExactly(one.id());
        assertThat(snapshotter.hasLayer(one.layers().get(1))).isFalse();
        imagesInUse.add(two.id());
        assertThat(images.prune(true).deleted()).isEmpty();
        imagesInUse.clear();
        RemovedImages all = images.prune(true);
        assertThat(all.deleted()).containsExactly(two.id());
        assertThat(all.untagged()).contains(REGISTRY.host() + "/app:1", REGISTRY.host() + "/app:2");
        assertThat(images.list()).isEmpty();
        assertThat(snapshotter.layers()).isEmpty();
    }

    @Test
    void garbage_collection_keeps_what_images_and_containers_reference() throws IOException {
        ImageService images = service();
        Image app = images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        Descriptor stray = TestImages.put(images.content(), "application/octet-stream", "stray".getBytes());
        Path orphan = snapshotter.newStagingDir();
        Files.writeString(orphan.resolve("f"), "orphan layer");
        ChainId orphanId = ChainId.parse("sha256:" + "e".repeat(64));
        snapshotter.commitLayer(orphanId, orphan);
        ChainId containerLayer = ChainId.parse("sha256:" + "c".repeat(64));
        Path held = snapshotter.newStagingDir();
        snapshotter.commitLayer(containerLayer, held);
        layersInUse.add(containerLayer);

        GcReport report = images.collectGarbage();
        assertThat(report.blobs()).isEqualTo(1);
        assertThat(report.layers()).isEqualTo(1);
        assertThat(report.bytesReclaimed()).isEqualTo("stray".length() + "orphan layer".length());
        assertThat(images.content().exists(stray.digest())).isFalse();
        assertThat(snapshotter.hasLayer(orphanId)).isFalse();
        assertThat(snapshotter.hasLayer(containerLayer)).isTrue();
        assertThat(app.layers()).allMatch(snapshotter::hasLayer);
        assertThat(images.content().exists(app1.manifest().digest())).isTrue();
    }

    @Test
    void the_runtime_gets_an_overlay_over_the_image_layers_topmost_first() {
        ImageService images = service();
        Image app = images.pull(REGISTRY.host() + "/app:1", null, e -> { });
        assertThat(images.layers(REGISTRY.host() + "/app:1")).isEqualTo(app.layers());

        List<Mount> mounts = images.prepareRootfs("c1", REGISTRY.host() + "/app:1");
        assertThat(mounts).singleElement().satisfies(mount -> assertThat(mount.options().get(0)).isEqualTo("lowerdir="
                + snapshotter.layerPath(app.layers().get(1)) + ":" + snapshotter.layerPath(app.layers().get(0))));
        snapshotter.remove("c1");
    }

    @Test
    void the_images_survive_a_reopen() {
        Image app = service().pull(REGISTRY.host() + "/app:1", null, e -> { });
        assertThat(service().inspect(REGISTRY.host() + "/app:1")).isEqualTo(app);
    }

    static ImageReference ref(String nameAndTag) {
        return ImageReference.parse(REGISTRY.host() + "/" + nameAndTag);
    }
}
