/**
 * The content-addressed blob store. Blobs are named by their {@code sha256:} digest and become visible only after
 * their digest and size were verified: every write goes to a private ingest area, is fsynced and then renamed into
 * place, so a crash leaves at most an ingest leftover, which the store removes when it is opened.
 */
@NullMarked
package io.gantry.core.content;

import org.jspecify.annotations.NullMarked;
