package io.gantry.core.images;

import io.gantry.core.content.Digest;
import java.util.List;

/**
 * What {@code remove} and {@code prune} did, as Docker reports it ({@code [{"Untagged":…},{"Deleted":…}]}).
 *
 * @param untagged       references removed, in short form
 * @param deleted        image IDs deleted
 * @param spaceReclaimed bytes freed on disk (blobs and unpacked layers collected)
 */
public record RemovedImages(List<String> untagged, List<Digest> deleted, long spaceReclaimed) {

    public RemovedImages {
        untagged = List.copyOf(untagged);
        deleted = List.copyOf(deleted);
    }
}
