package io.gantry.core.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The engine's storage setting, named as Docker names its drivers ({@code dockerd --storage-driver}, {@code Driver}
 * in {@code docker info}), so that tools reading those names understand Gantry's; Gantry's own names are accepted
 * too.
 */
public enum StorageDriver {

    /** Layers as overlayfs lowerdirs ({@link OverlaySnapshotter}); also spelled {@code overlay}. */
    OVERLAY2("overlay2", "overlay"),
    /** A full copy of the layers per container ({@link CopySnapshotter}), for filesystems overlayfs cannot use. */
    VFS("vfs", "copy");

    private final String dockerName;
    private final String alias;

    StorageDriver(String dockerName, String alias) {
        this.dockerName = dockerName;
        this.alias = alias;
    }

    /** {@code overlay2}, {@code overlay}, {@code vfs} or {@code copy}, in any case. */
    public static StorageDriver parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (StorageDriver d : values()) {
            if (d.dockerName.equals(n) || d.alias.equals(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown storage driver '" + name + "': use overlay2 (or overlay) or vfs (or copy)");
    }

    /** The driver the host allows when none is chosen: overlay2 where the kernel has overlayfs, as dockerd picks. */
    public static StorageDriver forHost(boolean overlayfs) {
        return overlayfs ? OVERLAY2 : VFS;
    }

    /** The driver that made a container's root filesystem, from the mounts its snapshotter returned. */
    public static StorageDriver of(List<Mount> rootfs) {
        return !rootfs.isEmpty() && rootfs.get(0).type().equals("overlay") ? OVERLAY2 : VFS;
    }

    public String dockerName() {
        return dockerName;
    }

    /** This driver's snapshotter over the data root's {@code snapshots} directory (both share its layers). */
    public Snapshotter open(Path snapshotsDir) {
        return this == OVERLAY2 ? new OverlaySnapshotter(snapshotsDir) : new CopySnapshotter(snapshotsDir);
    }

    @Override
    public String toString() {
        return dockerName;
    }
}
