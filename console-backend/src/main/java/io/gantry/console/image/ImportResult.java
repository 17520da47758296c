package io.gantry.console.image;

import java.util.List;

/**
 * What an uploaded tarball became.
 *
 * @param images what the engine says it made: {@code Loaded image: busybox:latest}, or the id of an imported root
 *               filesystem with its tag
 */
public record ImportResult(List<String> images) {

    public ImportResult {
        images = List.copyOf(images);
    }
}
