package io.gantry.core.images;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One build step of an image, as {@code docker history} shows it (newest first).
 *
 * @param id        the image ID for the top step, {@code <missing>} for the others (as Docker shows pulled images)
 * @param created   when, if the config says
 * @param createdBy the command
 * @param size      bytes the step's layer added; 0 for steps without a layer
 * @param comment   free text
 * @param tags      the image's tags on the top step, else empty
 */
public record HistoryEntry(String id, @Nullable Instant created, String createdBy, long size, String comment, List<String> tags) {

    public HistoryEntry {
        tags = List.copyOf(tags);
    }
}
