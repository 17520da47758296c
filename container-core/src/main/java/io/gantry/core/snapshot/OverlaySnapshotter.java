package io.gantry.core.snapshot;

import io.gantry.core.errors.FailedPreconditionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Layers as overlayfs lowerdirs, each container's changes in its own {@code upper} and {@code work} dirs. */
public final class OverlaySnapshotter extends DirectorySnapshotter {

    public OverlaySnapshotter(Path root) {
        super(root);
    }

    @Override
    public List<Mount> prepare(String key, List<ChainId> layers) {
        List<String> lower = new ArrayList<>();
        for (ChainId id : SnapshotStore.requireLayers(layers)) {
            lower.add(store.existingLayer(id).toString());
        }
        Collections.reverse(lower); // overlayfs lists the topmost lowerdir first
        Path dir = store.newActive(key);
        try {
            Path upper = Files.createDirectory(dir.resolve("upper"));
            Path work = Files.createDirectory(dir.resolve("work"));
            return List.of(new Mount("overlay", "overlay", List.of(
                    "lowerdir=" + String.join(":", lower), "upperdir=" + upper, "workdir=" + work)));
        } catch (IOException e) {
            Trees.delete(dir);
            throw new FailedPreconditionException("prepare snapshot " + key + ": " + e.getMessage(), e);
        }
    }
}
