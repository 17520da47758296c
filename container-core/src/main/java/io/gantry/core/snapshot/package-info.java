/**
 * Container root filesystems: read-only layers unpacked once each (by chain ID) and shared by every container of
 * an image, plus one writable snapshot per container. A {@link io.gantry.core.snapshot.Snapshotter} returns the
 * {@link io.gantry.core.snapshot.Mount}s that make a rootfs; the caller (the shim, inside the container's mount
 * namespace) performs them, so a rootfs mount never outlives its container.
 */
@NullMarked
package io.gantry.core.snapshot;

import org.jspecify.annotations.NullMarked;
