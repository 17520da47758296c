package io.gantry.core.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to record an image made here ({@code commit}, {@code import}).
 *
 * @param reference the tag to give it ({@code repo[:tag]}), or null for an untagged image
 * @param author    the config's author
 * @param comment   the history entry's comment (commit message)
 * @param changes   Docker's {@code --change} instructions: {@code CMD}, {@code ENTRYPOINT}, {@code ENV}, {@code EXPOSE},
 *                  {@code WORKDIR}, {@code USER}, {@code LABEL}, {@code VOLUME}, {@code STOPSIGNAL}
 */
public record NewImage(@Nullable String reference, String author, String comment, List<String> changes) {

    public NewImage {
        changes = List.copyOf(changes);
    }

    /** A tag and changes, no author or comment. */
    public static NewImage tagged(@Nullable String reference, String... changes) {
        return new NewImage(reference, "", "", List.of(changes));
    }
}
