package io.gantry.core.archive;

import io.gantry.core.content.Digest;

/**
 * What an extraction did.
 *
 * @param diffId  sha256 of the uncompressed tar stream, to be checked against the config's {@code diff_ids}
 * @param entries tar entries read
 * @param bytes   bytes of regular-file content written
 */
public record LayerSummary(Digest diffId, long entries, long bytes) {
}
