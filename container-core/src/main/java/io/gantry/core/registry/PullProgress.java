package io.gantry.core.registry;

import io.gantry.core.content.Descriptor;
import org.jspecify.annotations.Nullable;

/** Receives per-blob progress; called from download threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface PullProgress {

    PullProgress NONE = event -> { };

    void onProgress(LayerProgress event);

    /**
     * A stream to receive {@code layer}'s bytes as a download attempt receives them, or null (the default) for none.
     * Called on the download thread when the attempt's response arrives.
     */
    default @Nullable LayerStream layerStream(Descriptor layer) {
        return null;
    }
}
