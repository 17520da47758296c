/**
 * Layer tarballs in and out of the engine. {@link io.gantry.core.archive.LayerExtractor} unpacks a layer into its
 * own directory in overlayfs form and treats every archive as hostile: no entry, link or metadata operation may
 * reach outside that directory, and limits on bytes and entries stop bombs while the layer streams in. The same
 * extractor unpacks what a user copies into a container, whose paths {@link io.gantry.core.archive.ScopedPath}
 * resolves inside the container's root. Image archives go both ways: {@link io.gantry.core.archive.DockerArchive} and
 * {@link io.gantry.core.archive.OciLayout} write them, {@link io.gantry.core.archive.ImageArchive} reads an untrusted
 * one into the content store and {@link io.gantry.core.archive.ArchivedImages} finds its images and names.
 */
@NullMarked
package io.gantry.core.archive;

import org.jspecify.annotations.NullMarked;
