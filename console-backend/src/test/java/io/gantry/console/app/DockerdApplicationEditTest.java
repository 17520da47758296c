package io.gantry.console.app;

import io.gantry.core.testing.DockerDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ApplicationEditTest} with the console driving a real dockerd (Debian's 20.10) instead of Gantry's engine:
 * every kind of edit replaces the same containers, keeps the same data and moves the same ports. The images are
 * loaded into dockerd, which never pulls; the test of a missing image is left out, since dockerd would ask Docker Hub.
 */
class DockerdApplicationEditTest extends ApplicationEditTest {

    @RegisterExtension
    static final DockerDaemon DOCKER = DockerDaemon.withBridge();

    @DynamicPropertySource
    static void dockerd(DynamicPropertyRegistry properties) {
        properties.add("gantry.test.engine-socket", () -> DOCKER.socket().toString());
    }

    @BeforeAll
    static void loadImages() throws Exception {
        DockerdImages.loadBusybox(DOCKER);
    }

    @Override
    boolean pullsFromTheTestRegistry() {
        return false;
    }

    /** Not run: dockerd would look for the image on Docker Hub. */
    @Override
    void an_edit_to_an_image_the_registry_lacks_changes_nothing() {
    }
}
