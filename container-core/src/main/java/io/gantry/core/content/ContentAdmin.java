package io.gantry.core.content;

import java.io.IOException;
import java.util.function.Consumer;

/** Listing and removal, for garbage collection and {@code image prune}. */
public interface ContentAdmin {

    /** Calls {@code visitor} once for every committed blob, in no particular order. */
    void walk(Consumer<ContentInfo> visitor) throws IOException;

    /** Removes the committed blob; returns whether it existed. Readers that already opened it keep reading. */
    boolean delete(Digest digest) throws IOException;
}
