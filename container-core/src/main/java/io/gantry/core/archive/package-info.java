/**
 * Layer tarballs in and out of the engine. {@link io.gantry.core.archive.LayerExtractor} unpacks a layer into its
 * own directory in overlayfs form and treats every archive as hostile: no entry, link or metadata operation may
 * reach outside that directory, and limits on bytes and entries stop bombs while the layer streams in.
 */
@NullMarked
package io.gantry.core.archive;

import org.jspecify.annotations.NullMarked;
