package io.gantry.core.testing;

import io.gantry.core.cgroup.CgroupDrivers;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ImageSource;
import io.gantry.core.events.EventLog;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.instance.EngineInstance;
import io.gantry.core.runtime.BusyboxLayer;
import io.gantry.core.runtime.ContainerRuntime;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A container runtime and container service on a temporary data root, with one local image, {@code busybox} (from
 * Debian's busybox-static, command {@code sh}), standing in for the image store. Closing it removes every container
 * and the data root.
 */
public final class BusyboxEngine implements AutoCloseable {

    public static final ChainId LAYER = ChainId.parse("sha256:" + "c".repeat(64));
    public static final String IMAGE_ID = "sha256:" + "d".repeat(64);
    private static final Set<String> NAMES = Set.of("busybox", "busybox:latest", "docker.io/library/busybox:latest");

    public final Path root;
    public final EventLog events = new EventLog(Clock.systemUTC());
    public final OverlaySnapshotter snapshotter;
    public final ContainerRuntime runtime;
    public final ContainerService containers;

    public BusyboxEngine() throws IOException {
        root = Files.createTempDirectory(Path.of("/var/tmp"), "gantry-busybox-");
        snapshotter = new OverlaySnapshotter(root.resolve("snapshots"));
        Path staging = snapshotter.newStagingDir();
        BusyboxLayer.fill(staging);
        snapshotter.commitLayer(LAYER, staging);
        EngineInstance instance = EngineInstance.forDataRoot(root);
        runtime = new ContainerRuntime(instance, snapshotter, CgroupDrivers.detect(instance.cgroupName()));
        containers = newContainerService();
    }

    /** Another service over the same runtime, as a restarted engine would make. */
    public ContainerService newContainerService() {
        return new ContainerService(runtime, this::image, events, root.resolve("containers"));
    }

    public Optional<ImageSource.LocalImage> image(String reference) {
        if (!NAMES.contains(reference)) {
            return Optional.empty();
        }
        ImageConfig.ContainerConfig config = new ImageConfig.ContainerConfig(null, Map.of(), List.of("PATH=/bin"),
                List.of(), List.of("sh"), Map.of(), null, Map.of(), null, null);
        return Optional.of(new ImageSource.LocalImage(IMAGE_ID, config, List.of(LAYER),
                List.of(root.resolve("snapshots/layers").resolve(LAYER.hex()))));
    }

    @Override
    public void close() throws IOException {
        for (String id : runtime.list()) {
            runtime.delete(id, true);
        }
        runtime.close();
        Files.deleteIfExists(EngineInstance.forDataRoot(root).runDir());
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
