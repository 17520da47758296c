package io.gantry.core.archive;

/**
 * How much one layer may put on disk. Checked before each entry is written, so a bomb stops while streaming and
 * never exceeds the limit on disk.
 *
 * @param maxBytes   bytes of regular-file content per layer
 * @param maxEntries tar entries per layer (headers of every kind, whiteouts included)
 */
public record ExtractionLimits(long maxBytes, long maxEntries) {

    /** Generous defaults: 20 GiB and one million entries. */
    public static final ExtractionLimits DEFAULTS = new ExtractionLimits(20L << 30, 1_000_000);

    public ExtractionLimits {
        if (maxBytes < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("extraction limits must not be negative: " + maxBytes + " bytes, "
                    + maxEntries + " entries");
        }
    }
}
