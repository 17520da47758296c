package io.gantry.core.content;

import java.time.Instant;

/**
 * A committed blob as the store sees it.
 *
 * @param digest      its digest
 * @param size        its size in bytes
 * @param committedAt when it became visible
 */
public record ContentInfo(Digest digest, long size, Instant committedAt) {
}
