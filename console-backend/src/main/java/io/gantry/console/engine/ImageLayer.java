package io.gantry.console.engine;

import java.time.Instant;
import java.util.List;

/**
 * One line of an image's history ({@code docker history}), newest first: the step that made a layer, or an empty
 * step (ENV, CMD) of size 0.
 *
 * @param id        the image id for the image's own line and those of images it was built from, else {@code <missing>}
 * @param createdBy the build step, e.g. {@code /bin/sh -c #(nop) CMD ["sh"]}
 * @param tags      the tags of an image at this line, when one is local
 */
public record ImageLayer(String id, Instant created, String createdBy, long size, String comment, List<String> tags) {

    public ImageLayer {
        tags = List.copyOf(tags);
    }
}
