package io.gantry.console.testing;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.registry.TestImages;
import io.gantry.core.registry.debian.DebianImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Fills a {@code LocalRegistry} with the images a journey pulls through the console. */
public final class TestRegistryImages {

    private TestRegistryImages() {
    }

    /** busybox (Debian's busybox-static) as {@code library/busybox:latest}, what {@code busybox} means via a mirror. */
    public static void pushBusybox(String registryHost) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("gantry-busybox-source");
        try {
            RegistryClient client = new RegistryClient(RegistrySettings.onlyConfigured(Set.of(registryHost)));
            ContentStore source = FileContentStore.open(scratch);
            TestImages.TestImage busybox = TestImages.image(source, MediaTypes.OCI_MANIFEST, "amd64",
                    TestImages.busyboxLayer());
            TestImages.push(client, source, ImageReference.parse(registryHost + "/library/busybox:latest"), busybox);
        } finally {
            TestFiles.deleteTree(scratch);
        }
    }

    /**
     * What the bundled WordPress template runs, as {@code library/wordpress:6-apache} and {@code library/mariadb:11}:
     * images built from Debian packages whose entrypoints speak the official images' variables (see container-core's
     * {@code DebianImages}). The first call on a machine builds them (minutes, as root); later calls use the cache.
     */
    public static void pushWordpressStack(String registryHost) throws IOException, InterruptedException {
        DebianImages.pushWordpressStack(registryHost);
    }
}
