package io.gantry.core.images;

import io.gantry.core.image.oci.Platform;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.nio.file.Path;
import java.util.Set;

/**
 * A separate JVM for {@link InterruptedPullTest}: pulls {@code args[2]} from the registry {@code args[1]} into the data
 * root {@code args[0]}, printing each event and dawdling on downloads so that the test can SIGKILL it midway.
 */
public final class PullChild {

    private PullChild() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        ImageService images = ImageService.builder(root, new OverlaySnapshotter(root.resolve("snapshots")))
                .registry(new RegistryClient(RegistrySettings.onlyConfigured(Set.of(args[1]))))
                .platform(Platform.LINUX_AMD64).open();
        images.pull(args[2], null, event -> {
            System.out.println(event.status() + " " + event.id() + " " + event.current());
            System.out.flush();
            if (event.status() == PullEvent.Status.DOWNLOADING) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("PULLED");
    }
}
