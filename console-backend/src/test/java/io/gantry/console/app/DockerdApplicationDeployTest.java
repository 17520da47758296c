package io.gantry.console.app;

import io.gantry.core.testing.DockerDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ApplicationDeployTest} with the console driving a real dockerd (Debian's 20.10) instead of Gantry's engine:
 * the same deployments give the same containers, link variables and failures. The images are loaded into dockerd,
 * which never pulls; the test of a missing image is left out, since dockerd would ask Docker Hub for it.
 */
class DockerdApplicationDeployTest extends ApplicationDeployTest {

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
    void a_deployment_of_an_image_the_registry_lacks_names_the_service_and_creates_nothing() {
    }
}
