package io.gantry.core.registry;

import java.io.IOException;

/**
 * Receives a layer blob's bytes while they download, so that the puller can unpack the layer in the same pass instead
 * of reading the blob back after it is stored. The bytes are unverified: whatever is made of them must stay invisible
 * until the blob's {@link LayerProgress.Phase#VERIFIED} event. One stream serves one download attempt, which ends it
 * with exactly one of {@link #finish()} or {@link #abort}; an attempt that fails is aborted before a retry opens a new
 * stream.
 */
public interface LayerStream {

    /** The next bytes of the blob; may block while the reader is behind. The caller keeps ownership of {@code bytes}. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Every byte of this attempt was written. */
    void finish();

    /** This attempt failed; the reader sees {@code cause}. */
    void abort(IOException cause);
}
