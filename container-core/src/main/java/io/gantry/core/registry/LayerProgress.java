package io.gantry.core.registry;

import io.gantry.core.content.Digest;

/**
 * Progress of one blob of a pull or push.
 *
 * @param digest the blob
 * @param done   bytes transferred so far
 * @param total  the blob's size
 * @param phase  where the blob is
 */
public record LayerProgress(Digest digest, long done, long total, Phase phase) {

    /**
     * The phases of one blob, in order: a download waits, downloads and is verified; an upload uploads and is pushed.
     * {@link #ALREADY_EXISTS} replaces the others when nothing needs moving.
     */
    public enum Phase { WAITING, DOWNLOADING, VERIFIED, ALREADY_EXISTS, UPLOADING, PUSHED }
}
