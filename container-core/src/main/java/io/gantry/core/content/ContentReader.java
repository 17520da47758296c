package io.gantry.core.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Read access to committed blobs. Only verified content is ever visible here. */
public interface ContentReader {

    /** The committed blob {@code digest}, or empty when the store does not hold it. */
    Optional<ContentInfo> info(Digest digest) throws IOException;

    /** Opens the committed blob; {@link java.nio.file.NoSuchFileException} when absent. The caller closes the stream. */
    InputStream open(Digest digest) throws IOException;

    /** Whether the blob is committed; never true for a blob still being written. */
    default boolean exists(Digest digest) throws IOException {
        return info(digest).isPresent();
    }
}
