package io.gantry.console.engine;

import java.util.List;

/**
 * What an image prune removed.
 *
 * @param untagged       tags taken off ({@code busybox:old})
 * @param deleted        ids of the images deleted
 * @param spaceReclaimed bytes freed
 */
public record PrunedImages(List<String> untagged, List<String> deleted, long spaceReclaimed) {

    public PrunedImages {
        untagged = List.copyOf(untagged);
        deleted = List.copyOf(deleted);
    }
}
