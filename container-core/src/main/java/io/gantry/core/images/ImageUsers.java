package io.gantry.core.images;

import io.gantry.core.content.Digest;
import io.gantry.core.snapshot.ChainId;
import java.util.Set;

/**
 * What containers hold on to, asked by {@code remove}, {@code prune} and garbage collection: the engine wires it to
 * the runtime's containers. Called without image-service locks held by the caller's threads, so it may take its own.
 */
public interface ImageUsers {

    /** No containers: nothing is in use. */
    ImageUsers NONE = new ImageUsers() {
        @Override
        public Set<Digest> images() {
            return Set.of();
        }

        @Override
        public Set<ChainId> layers() {
            return Set.of();
        }
    };

    /** IDs of the images containers were created from; such an image is removed only when forced, and then only untagged. */
    Set<Digest> images();

    /** Layers containers' snapshots stack on; never collected. */
    Set<ChainId> layers();
}
