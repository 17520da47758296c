package io.gantry.core.registry.debian;

import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages.TestImage;
import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Debian-based test images, built with Gantry's own archive code from the host's configured apt mirror and cached
 * between runs ({@link DebianImageBuilder} tells how):
 * <ul>
 *   <li>{@link #large}: six layers, some 200 MB, for the image benchmarks;</li>
 *   <li>{@link #mariadb}: Debian's mariadb-server speaking the official {@code mariadb} image's variables;</li>
 *   <li>{@link #wordpress}: Debian's WordPress on Apache speaking the official {@code wordpress} image's variables.</li>
 * </ul>
 * Each call puts the image's blobs into the given content store; push them with
 * {@link TestImages#push}. Building needs root (debootstrap, chroot, overlay mounts) and takes minutes the first time;
 * later calls reuse the cache under {@code /var/cache/gantry-test/debian} ({@code GANTRY_TEST_CACHE} moves it).
 */
public final class DebianImages {

    /** Fixed, so the same layers always make the same config and manifest digests. */
    private static final String CREATED = "2024-01-02T03:04:05Z";
    private static DebianImageBuilder builder;

    private DebianImages() {
    }

    public static TestImage large(ContentStore store) throws IOException, InterruptedException {
        return image(Recipes.large(), store);
    }

    public static TestImage mariadb(ContentStore store) throws IOException, InterruptedException {
        return image(Recipes.mariadb(), store);
    }

    public static TestImage wordpress(ContentStore store) throws IOException, InterruptedException {
        return image(Recipes.wordpress(), store);
    }

    /**
     * What the bundled WordPress template names, {@code wordpress:6-apache} and {@code mariadb:11}, pushed as
     * {@code library/wordpress:6-apache} and {@code library/mariadb:11} to the registry at {@code registryHost}
     * ({@code 127.0.0.1:port}), so an engine using it as its docker.io mirror runs the template unchanged.
     */
    public static void pushWordpressStack(String registryHost) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-wordpress-stack-");
        try {
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registryHost)));
            ContentStore store = FileContentStore.open(scratch);
            TestImages.push(client, store, ImageReference.parse(registryHost + "/library/mariadb:11"), mariadb(store));
            TestImages.push(client, store, ImageReference.parse(registryHost + "/library/wordpress:6-apache"), wordpress(store));
        } finally {
            FileTrees.delete(scratch);
        }
    }

    /** Where built layers are kept. */
    public static Path cacheRoot() {
        String configured = System.getenv("GANTRY_TEST_CACHE");
        return Path.of(configured == null || configured.isBlank() ? "/var/cache/gantry-test" : configured).resolve("debian");
    }

    private static synchronized DebianImageBuilder builder() throws IOException, InterruptedException {
        if (builder == null) {
            builder = DebianImageBuilder.forHost(cacheRoot());
        }
        return builder;
    }

    private static TestImage image(Recipe recipe, ContentStore store) throws IOException, InterruptedException {
        DebianImageBuilder.Built built = builder().build(recipe);
        List<Descriptor> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<ImageConfig.History> history = new ArrayList<>();
        for (int i = 0; i < built.layers().size(); i++) {
            LayerCache.CachedLayer layer = built.layers().get(i);
            layers.add(put(store, new Descriptor(MediaTypes.OCI_LAYER_GZIP, layer.digest(), layer.size()), layer.blob()));
            diffIds.add(layer.diffId().toString());
            history.add(new ImageConfig.History(CREATED, built.steps().get(i), "gantry DebianImages", null, false));
        }
        ImageConfig config = new ImageConfig(CREATED, "gantry tests", built.architecture(), "linux", null, recipe.defaults(),
                new ImageConfig.RootFs("layers", diffIds), history);
        Descriptor configDescriptor = TestImages.put(store, MediaTypes.OCI_CONFIG, OciJson.write(config));
        byte[] manifest = OciJson.write(Manifest.of(MediaTypes.OCI_MANIFEST, OciDescriptor.of(configDescriptor),
                layers.stream().map(OciDescriptor::of).toList()));
        return new TestImage(TestImages.put(store, MediaTypes.OCI_MANIFEST, manifest), manifest, layers, configDescriptor);
    }

    /** Streams a cached layer into the store unless it holds it already. */
    private static Descriptor put(ContentStore store, Descriptor descriptor, Path blob) throws IOException {
        if (!store.exists(descriptor.digest())) {
            try (InputStream in = Files.newInputStream(blob); BlobWriter writer = store.writer("debian-" + descriptor.digest())) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    writer.write(buffer, 0, n);
                }
                writer.commit(descriptor.size(), descriptor.digest());
            }
        }
        return descriptor;
    }
}
