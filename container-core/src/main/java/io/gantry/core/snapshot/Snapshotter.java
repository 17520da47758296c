package io.gantry.core.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * Read-only layers and the writable snapshots containers run on. Layers are stacked lowest first.
 * Implementations are safe for concurrent use on distinct keys.
 */
public interface Snapshotter {

    /**
     * Stores the unpacked tree {@code unpacked} as layer {@code id}, by moving it (it must be on the same
     * filesystem as the snapshotter's root). If the layer already exists, {@code unpacked} is deleted instead.
     */
    void commitLayer(ChainId id, Path unpacked);

    /** Whether layer {@code id} is stored. */
    boolean hasLayer(ChainId id);

    /**
     * Creates the writable snapshot {@code key} over {@code layers} and returns the mounts that make its root
     * filesystem. Throws {@code NotFoundException} for a missing layer and {@code ConflictException} if the
     * key exists.
     */
    List<Mount> prepare(String key, List<ChainId> layers);

    /** Removes the writable snapshot {@code key} (no longer mounted anywhere); a missing key is a no-op. */
    void remove(String key);

    /** The keys of every writable snapshot, so that a restarted engine can remove those no container owns. */
    List<String> list();

    /** A directory on the snapshotter's filesystem where a layer can be unpacked before {@link #commitLayer}. */
    Path newStagingDir();

    /** The stored layers, in no particular order (for garbage collection). */
    List<ChainId> layers();

    /**
     * Removes layer {@code id}; a missing layer is a no-op. The layer disappears atomically (renamed away, then
     * deleted), so {@link #hasLayer} never sees half of it. The caller makes sure no snapshot stacks on it.
     */
    void removeLayer(ChainId id);

    /** The directory of stored layer {@code id}, to be read, never written (export, history sizes). */
    Path layerPath(ChainId id);

    /**
     * Removes what interrupted unpacks left in the staging area. Only for start-up, when no unpack can be running:
     * a staging directory is never committed after a crash, its layer is unpacked again when needed.
     */
    void cleanStaging();
}
