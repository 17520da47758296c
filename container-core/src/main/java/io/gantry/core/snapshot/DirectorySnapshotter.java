package io.gantry.core.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What both snapshotters share: the on-disk layout of {@link SnapshotStore} (layers, active snapshots, staging).
 * Each subclass decides only how a container's root filesystem is made from the layers.
 */
abstract sealed class DirectorySnapshotter implements Snapshotter permits OverlaySnapshotter, CopySnapshotter {

    final SnapshotStore store;

    DirectorySnapshotter(Path root) {
        this.store = new SnapshotStore(root);
    }

    @Override
    public void commitLayer(ChainId id, Path unpacked) {
        store.commitLayer(id, unpacked);
    }

    @Override
    public boolean hasLayer(ChainId id) {
        return Files.isDirectory(store.layer(id));
    }

    @Override
    public void remove(String key) {
        Trees.delete(store.active(key));
    }

    @Override
    public List<String> list() {
        return store.activeKeys();
    }

    @Override
    public Path newStagingDir() {
        return store.newStagingDir();
    }

    @Override
    public List<ChainId> layers() {
        return store.layers();
    }

    @Override
    public void removeLayer(ChainId id) {
        store.removeLayer(id);
    }

    @Override
    public Path layerPath(ChainId id) {
        return store.existingLayer(id);
    }

    @Override
    public void cleanStaging() {
        store.cleanStaging();
    }
}
