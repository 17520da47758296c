package io.gantry.core.runtime;

import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.snapshot.Mount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container's files held still for the engine's own use ({@code docker cp}, {@code export}, {@code diff}), from
 * {@link ContainerRuntime#openFilesystem}. While it is open a running container is frozen (unless its user paused it
 * already), so no process of the container can swap a directory for a symlink between a check and a use
 * (CVE-2018-15664), and a stopped container cannot start. Its paths are host paths that reach into the container: they
 * are safe only when walked one component at a time without following symlinks, as {@code archive} does.
 *
 * <p>Closing it thaws the container and unmounts what it mounted.
 */
public final class ContainerFilesystem implements AutoCloseable {

    private final @Nullable Path liveRoot;
    private final Mount rootfs;
    private final List<String> mountPoints;
    private final Runnable claimWriter;
    private final Runnable release;
    private final List<DetachedOverlay> mounts = new ArrayList<>();
    private @Nullable Path writable;
    private @Nullable Path readOnly;
    private boolean closed;

    /**
     * @param claimWriter called before the stopped container's layers are mounted writable; throws when another holder
     *                    has them so (two overlays on one upper directory corrupt it)
     */
    ContainerFilesystem(@Nullable Path liveRoot, Mount rootfs, List<String> mountPoints, Runnable claimWriter,
                        Runnable release) {
        this.liveRoot = liveRoot;
        this.rootfs = rootfs;
        this.mountPoints = List.copyOf(mountPoints);
        this.claimWriter = claimWriter;
        this.release = release;
    }

    /** Whether the container runs (or is paused): {@link #root()} is then what its processes see. */
    public boolean running() {
        return liveRoot != null;
    }

    /**
     * The container's "/" to copy into and out of. Running: as its processes see it, volumes and bind mounts
     * included ({@code /proc/<pid>/root}). Stopped: its root filesystem, mounted writable for the engine alone.
     */
    public synchronized Path root() {
        if (liveRoot != null) {
            return liveRoot;
        }
        if (writable == null) {
            if (isOverlay()) {
                claimWriter.run();
            }
            writable = mounted(rootfs.options(), false);
        }
        return writable;
    }

    /** The container's "/" to read from: {@link #root()} while it runs, else {@link #rootfs()}, which needs no writer. */
    public Path readRoot() {
        return running() ? root() : rootfs();
    }

    /** Its root filesystem alone (image layers and changes, no volumes, no {@code /proc}), read-only: for export. */
    public synchronized Path rootfs() {
        if (readOnly == null) {
            List<String> lower = new ArrayList<>();
            changes().ifPresent(upper -> lower.add(upper.toString()));
            lower.addAll(option("lowerdir").map(l -> Arrays.asList(l.split(":"))).orElse(List.of()));
            readOnly = mounted(List.of("lowerdir=" + String.join(":", lower)), true);
        }
        return readOnly;
    }

    /** The directory of its changes to the image (overlay's upper directory); empty on the copy snapshotter. */
    public Optional<Path> changes() {
        return option("upperdir").map(Path::of);
    }

    /**
     * Where the runtime mounts into the container ({@code /proc}, {@code /dev}, {@code /sys}, volumes, the generated
     * {@code /etc} files): what it created there to mount on is the runtime's doing, not a change the user made.
     */
    public List<String> mountPoints() {
        return mountPoints;
    }

    /** The image layers it stacks, topmost first (overlay's lowerdirs); empty on the copy snapshotter. */
    public List<Path> layersTopFirst() {
        return option("lowerdir").map(l -> Arrays.stream(l.split(":")).map(Path::of).toList()).orElse(List.of());
    }

    private boolean isOverlay() {
        return rootfs.type().equals("overlay");
    }

    private Optional<String> option(String key) {
        return rootfs.options().stream().filter(o -> o.startsWith(key + "=")).map(o -> o.substring(key.length() + 1))
                .findFirst();
    }

    private Path mounted(List<String> options, boolean readOnly) {
        if (closed) {
            throw new IllegalStateException("container filesystem already closed");
        }
        if (!isOverlay()) {
            return Path.of(rootfs.source());
        }
        try {
            DetachedOverlay overlay = DetachedOverlay.mount(options, readOnly);
            mounts.add(overlay);
            return overlay.root();
        } catch (IOException e) {
            throw new FailedPreconditionException("mount the container's root filesystem: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            mounts.forEach(DetachedOverlay::close);
            release.run();
        }
    }
}
