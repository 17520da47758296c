package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.registry.LocalRegistry;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistryException;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageService#push}: an image pulled from the plain registry, tagged for the HTTPS + Basic and the token
 * registry and pushed there with Docker's progress; what arrives pulls back as the same image.
 */
class ImagePushTest {

    @RegisterExtension
    static final LocalRegistry PLAIN = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry HTTPS = LocalRegistry.httpsWithBasicAuth();
    @RegisterExtension
    static final LocalRegistry TOKEN = LocalRegistry.withTokenAuth();

    @TempDir
    static Path shared;

    static RegistryClient client;
    static TestImages.TestImage app;

    @TempDir
    Path root;

    ImageService images;
    final List<PushEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void publishApp() throws Exception {
        Set<String> hosts = new HashSet<>(PLAIN.hosts());
        hosts.addAll(HTTPS.hosts());
        hosts.addAll(TOKEN.hosts());
        client = new RegistryClient(RegistrySettings.onlyConfigured(hosts).withCertsDir(HTTPS.certsDir()));
        ContentStore source = FileContentStore.open(shared.resolve("source"));
        app = TestImages.layered(source, MediaTypes.DOCKER_MANIFEST, "amd64",
                List.of(TestImages.busyboxLayer(), new TarBuilder().dir("srv").file("srv/data", "d".repeat(600_000)).tarGz()),
                new ImageConfig.ContainerConfig(null, Map.of(), List.of("PATH=/bin"), List.of(), List.of("sh"), Map.of(), "/",
                        Map.of(), null, null));
        TestImages.push(client, source, ImageReference.parse(PLAIN.host() + "/app:1"), app);
    }

    @BeforeEach
    void pullApp() {
        images = ImageService.builder(root, new OverlaySnapshotter(root.resolve("snapshots"))).registry(client)
                .platform(Platform.LINUX_AMD64).open();
        images.pull(PLAIN.host() + "/app:1", null, event -> { });
    }

    @Test
    void a_push_reports_docker_s_statuses_and_the_registry_serves_the_same_manifest() {
        String target = HTTPS.host() + "/team/app:2";
        images.tag(PLAIN.host() + "/app:1", target);

        Descriptor pushed = images.push(target, LocalRegistry.USER, events::add);

        assertThat(pushed).isEqualTo(app.manifest());
        assertThat(events.get(0).statusLine()).isEqualTo("The push refers to repository [" + HTTPS.host() + "/team/app]");
        for (Descriptor layer : app.layers()) {
            String id = layer.digest().shortHex();
            assertThat(events).filteredOn(e -> e.id().equals(id)).extracting(PushEvent::status)
                    .startsWith(PushEvent.Status.PREPARING).endsWith(PushEvent.Status.PUSHED);
            assertThat(events).filteredOn(e -> e.id().equals(id) && e.status() == PushEvent.Status.PUSHING)
                    .extracting(PushEvent::current).isSorted().last().isEqualTo(layer.size());
        }
        assertThat(events.get(events.size() - 1).statusLine())
                .isEqualTo("2: digest: " + app.manifest().digest() + " size: " + app.manifest().size());
        assertThat(client.fetchManifest(ImageReference.parse(target), LocalRegistry.USER).descriptor()).isEqualTo(app.manifest());
    }

    @Test
    void a_second_push_finds_every_layer_already_there() {
        String target = TOKEN.host() + "/app:1";
        images.tag(PLAIN.host() + "/app:1", target);
        images.push(target, LocalRegistry.USER, event -> { });

        images.push(target, LocalRegistry.USER, events::add);

        assertThat(events).filteredOn(e -> e.status().isLayerEvent()).extracting(PushEvent::status)
                .containsOnly(PushEvent.Status.PREPARING, PushEvent.Status.LAYER_EXISTS)
                .filteredOn(status -> status == PushEvent.Status.LAYER_EXISTS).hasSize(app.layers().size());
    }

    @Test
    void a_pushed_image_pulls_back_as_the_same_image() {
        String target = HTTPS.host() + "/roundtrip:1";
        images.tag(PLAIN.host() + "/app:1", target);
        images.push(target, LocalRegistry.USER, event -> { });

        ImageService elsewhere = ImageService.builder(root.resolve("elsewhere"),
                new OverlaySnapshotter(root.resolve("elsewhere/snapshots"))).registry(client).platform(Platform.LINUX_AMD64).open();
        Image pulled = elsewhere.pull(target, LocalRegistry.USER, event -> { });

        assertThat(pulled.id()).isEqualTo(images.inspect(target).id());
        assertThat(pulled.repoDigests()).containsExactly(HTTPS.host() + "/roundtrip@" + app.manifest().digest());
    }

    @Test
    void all_tags_of_a_repository_are_pushed_in_tag_order() {
        images.tag(PLAIN.host() + "/app:1", HTTPS.host() + "/many:b");
        images.tag(PLAIN.host() + "/app:1", HTTPS.host() + "/many:a");

        images.pushAllTags(HTTPS.host() + "/many", LocalRegistry.USER, events::add);

        assertThat(events).filteredOn(e -> e.status() == PushEvent.Status.DIGEST).extracting(PushEvent::id)
                .containsExactly("a", "b");
        assertThat(client.tags(ImageReference.parse(HTTPS.host() + "/many"), 10, LocalRegistry.USER))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void pushing_a_tag_that_does_not_exist_locally_is_not_found_and_contacts_nothing() {
        assertThatThrownBy(() -> images.push(HTTPS.host() + "/nothing:1", LocalRegistry.USER, events::add))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("An image does not exist locally with the tag: " + HTTPS.host() + "/nothing");
        assertThat(events).isEmpty();
    }

    @Test
    void a_push_without_credentials_fails_with_the_registry_s_refusal() {
        String target = HTTPS.host() + "/anonymous:1";
        images.tag(PLAIN.host() + "/app:1", target);

        assertThatThrownBy(() -> images.push(target, null, events::add)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("no credentials were given");
        assertThat(events).extracting(PushEvent::status).first().isEqualTo(PushEvent.Status.REFERS_TO);
    }
}
