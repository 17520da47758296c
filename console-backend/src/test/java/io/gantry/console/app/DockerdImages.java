package io.gantry.console.app;

import io.gantry.core.registry.TestImages;
import io.gantry.core.testing.DockerDaemon;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads into a dockerd the images the application tests use, from the same busybox layer the Gantry tests push to
 * their registry: dockerd then never pulls (it would ask Docker Hub).
 */
final class DockerdImages {

    private DockerdImages() {
    }

    /** {@code busybox:latest} like the registry's, and {@code busybox:edited} which also exposes 8080/tcp. */
    static void loadBusybox(DockerDaemon docker) throws Exception {
        Path layer = Files.createTempFile("gantry-busybox-", ".tar.gz");
        try {
            Files.write(layer, TestImages.busyboxLayer());
            docker.cli().run(0, "import", "--change", "ENV PATH=/bin", "--change", "CMD [\"sh\"]",
                    layer.toString(), "busybox:latest");
            docker.cli().run(0, "import", "--change", "ENV PATH=/bin", "--change", "CMD [\"sh\"]",
                    "--change", "EXPOSE 8080/tcp", layer.toString(), "busybox:edited");
        } finally {
            Files.delete(layer);
        }
    }
}
