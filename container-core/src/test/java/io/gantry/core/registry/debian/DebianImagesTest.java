package io.gantry.core.registry.debian;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.registry.TestImages.TestImage;
import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian test images as built (or found in the cache): their layers, contents and container defaults. The first
 * run on a machine builds them from the apt mirror, which takes minutes (hence the long timeout).
 */
@Privileged
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class DebianImagesTest {

    @TempDir
    Path temp;

    @Test
    void the_large_image_has_at_least_five_layers_and_100_mb_of_files() throws Exception {
        ContentStore store = FileContentStore.open(temp.resolve("store"));
        TestImage large = DebianImages.large(store);

        assertThat(large.layers()).hasSizeGreaterThanOrEqualTo(5);
        long bytes = 0;
        for (Descriptor layer : large.layers()) {
            bytes += fileBytes(store, layer);
        }
        assertThat(bytes).isGreaterThan(100L << 20);
        ImageConfig config = config(store, large);
        assertThat(config.rootfs().diffIds()).hasSameSizeAs(large.layers());
        assertThat(config.history()).hasSameSizeAs(large.layers());
        assertThat(config.history().get(0).createdBy()).startsWith("debootstrap --variant=minbase bookworm");
    }

    @Test
    void images_come_from_the_cache_once_built_and_concurrent_callers_get_the_same_image() throws Exception {
        TestImage first = DebianImages.mariadb(FileContentStore.open(temp.resolve("first")));
        List<String> cachedLayers = listing(DebianImages.cacheRoot().resolve("layers"));

        CompletableFuture<TestImage> a = CompletableFuture.supplyAsync(() -> mariadb(temp.resolve("a")));
        CompletableFuture<TestImage> b = CompletableFuture.supplyAsync(() -> mariadb(temp.resolve("b")));

        assertThat(a.get().manifest()).isEqualTo(first.manifest());
        assertThat(b.get().manifest()).isEqualTo(first.manifest());
        assertThat(listing(DebianImages.cacheRoot().resolve("layers"))).isEqualTo(cachedLayers);
    }

    @Test
    void mariadb_and_wordpress_declare_their_ports_volumes_and_entrypoints() throws Exception {
        ContentStore store = FileContentStore.open(temp.resolve("store"));
        ImageConfig.ContainerConfig mariadb = config(store, DebianImages.mariadb(store)).config();
        ImageConfig.ContainerConfig wordpress = config(store, DebianImages.wordpress(store)).config();

        assertThat(mariadb.exposedPorts()).containsOnlyKeys("3306/tcp");
        assertThat(mariadb.volumes()).containsOnlyKeys("/var/lib/mysql");
        assertThat(mariadb.cmd()).containsExactly("mariadbd");
        assertThat(wordpress.exposedPorts()).containsOnlyKeys("80/tcp");
        assertThat(wordpress.volumes()).containsOnlyKeys("/var/www/html");
        assertThat(wordpress.cmd()).containsExactly("apache2-foreground");
        assertThat(wordpress.entrypoint()).isEqualTo(mariadb.entrypoint()).containsExactly("/usr/local/bin/docker-entrypoint.sh");
    }

    @Test
    void layers_hold_no_apt_caches_and_the_base_starts_no_services() throws Exception {
        ContentStore store = FileContentStore.open(temp.resolve("store"));
        TestImage wordpress = DebianImages.wordpress(store);
        Set<String> names = new TreeSet<>();
        for (Descriptor layer : wordpress.layers()) {
            apply(entries(store, layer), names);
        }

        assertThat(names).contains("usr/sbin/policy-rc.d", "usr/share/wordpress/wp-login.php", "usr/local/bin/docker-entrypoint.sh");
        assertThat(names).noneMatch(name -> name.startsWith("var/cache/apt/archives/") && name.endsWith(".deb"))
                .noneMatch(name -> name.startsWith("var/lib/apt/lists/") && name.endsWith("_Packages"))
                .noneMatch(name -> name.startsWith("var/cache/apt/") && name.endsWith(".bin"))
                .noneMatch(name -> name.startsWith("var/www/html/") && !name.equals("var/www/html/"));
    }

    /** The paths a container sees after {@code layer} is stacked on {@code paths}: OCI whiteouts hide what is below. */
    private static void apply(List<String> layer, Set<String> paths) {
        for (String name : layer) {
            String base = name.substring(name.lastIndexOf('/', name.length() - 2) + 1);
            String dir = name.substring(0, name.length() - base.length());
            if (base.equals(".wh..wh..opq")) {
                paths.removeIf(p -> p.startsWith(dir) && !p.equals(dir));
            } else if (base.startsWith(".wh.")) {
                String hidden = dir + base.substring(4);
                paths.removeIf(p -> p.equals(hidden) || p.startsWith(hidden + "/"));
            }
        }
        layer.stream().filter(name -> !name.substring(name.lastIndexOf('/', name.length() - 2) + 1).startsWith(".wh."))
                .forEach(paths::add);
    }

    private static TestImage mariadb(Path storeRoot) {
        try {
            return DebianImages.mariadb(FileContentStore.open(storeRoot));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ImageConfig config(ContentStore store, TestImage image) throws IOException {
        try (InputStream in = store.open(image.config().digest())) {
            return OciJson.parseConfig(in.readAllBytes());
        }
    }

    private static long fileBytes(ContentStore store, Descriptor layer) throws IOException {
        long bytes = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(store.open(layer.digest()), 1 << 16))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                bytes += entry.isFile() ? entry.getSize() : 0;
            }
        }
        return bytes;
    }

    private static List<String> entries(ContentStore store, Descriptor layer) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(store.open(layer.digest()), 1 << 16))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
