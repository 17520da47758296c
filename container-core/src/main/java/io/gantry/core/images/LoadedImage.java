package io.gantry.core.images;

import io.gantry.core.content.Digest;
import java.util.List;

/**
 * One image a {@code load} stored, as {@code docker load} reports it: {@code Loaded image: busybox:latest} for each tag,
 * {@code Loaded image ID: sha256:…} for an untagged one.
 *
 * @param id   the image ID (config digest)
 * @param tags the tags it was given, in Docker's short form ({@code busybox:latest}); may be empty
 */
public record LoadedImage(Digest id, List<String> tags) {

    public LoadedImage {
        tags = List.copyOf(tags);
    }
}
