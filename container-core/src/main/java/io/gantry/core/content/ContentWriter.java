package io.gantry.core.content;

import java.io.IOException;

/** Write access: blobs enter the store only through a {@link BlobWriter} that verifies them. */
public interface ContentWriter {

    /**
     * Starts writing under {@code ref}, a caller-chosen name for this ingest (e.g. {@code "layer-" + digest}). Only one
     * writer may hold a ref at a time; a second one fails with {@link IngestConflictException} until the first commits
     * or aborts. Nothing written is visible to readers before {@link BlobWriter#commit}.
     */
    BlobWriter writer(String ref) throws IOException;

    /** Discards the ingest {@code ref} and what it wrote; does nothing when there is none. */
    void abort(String ref) throws IOException;
}
