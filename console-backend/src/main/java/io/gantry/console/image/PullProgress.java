package io.gantry.console.image;

/**
 * One step of a pull, as the engine reports it.
 *
 * @param layer   the layer's short id, or empty for a message about the whole pull ("Pulling from library/busybox")
 * @param status  "Downloading", "Extracting", "Pull complete", "Already exists", …
 * @param current bytes done of {@code total}; both 0 when the step has no size
 */
public record PullProgress(String layer, String status, long current, long total) {

    /** Whether this is a layer's line, which the page draws as a progress bar. */
    public boolean isLayer() {
        return !layer.isEmpty();
    }

    /** 0..1 when the size is known, else -1. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) current / total) : -1;
    }
}
