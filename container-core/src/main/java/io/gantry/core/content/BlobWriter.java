package io.gantry.core.content;

import java.io.Closeable;
import java.io.IOException;

/**
 * One blob being written into the ingest area. Bytes are hashed as they arrive; {@link #commit} makes the blob
 * visible only if both its size and digest match what the caller expected. Closing a writer that was not committed
 * aborts it.
 */
public interface BlobWriter extends Closeable {

    /** Appends bytes. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Appends all of {@code bytes}. */
    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** Bytes written so far. */
    long status();

    /**
     * Verifies that exactly {@code expectedSize} bytes hashing to {@code expected} were written, then syncs the data
     * and renames it into place. On a mismatch the ingest is discarded and {@link DigestMismatchException} thrown:
     * nothing becomes visible. Committing content the store already holds is not an error.
     */
    ContentInfo commit(long expectedSize, Digest expected) throws IOException;
}
