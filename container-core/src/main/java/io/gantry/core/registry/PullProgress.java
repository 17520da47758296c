package io.gantry.core.registry;

/** Receives per-blob progress; called from download threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface PullProgress {

    PullProgress NONE = event -> { };

    void onProgress(LayerProgress event);
}
