package io.gantry.core.images;

/**
 * Progress of a {@code load}, shaped like dockerd's {@code Loading layer} bars.
 *
 * @param id      the layer's chain ID, shortened to 12 hex digits as Docker shows it
 * @param current bytes of the layer unpacked so far
 * @param total   the layer's size in the archive
 */
public record LoadEvent(String id, long current, long total) {

    /** Docker's wording of the status. */
    public static final String STATUS = "Loading layer";
}
