package io.gantry.core.content;

/**
 * A content-addressed store: readers, writers and administration in one. Callers depend on the narrowest of
 * {@link ContentReader}, {@link ContentWriter} and {@link ContentAdmin} that serves them.
 */
public interface ContentStore extends ContentReader, ContentWriter, ContentAdmin {
}
