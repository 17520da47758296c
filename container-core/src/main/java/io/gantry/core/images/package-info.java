/**
 * The image service Docker users know as {@code docker pull/images/inspect/history/tag/rmi/image prune}: the
 * {@link io.gantry.core.images.ImageService} facade over the content store, the registry client, layer extraction and
 * the snapshotter. An image becomes visible only once its manifest, config and every layer are verified, stored and
 * unpacked (each layer once, by chain ID); then its references are recorded in one state file under {@code images/},
 * replaced atomically, so an engine killed mid-pull shows no partial image. Kept apart from {@code image} (references
 * and wire records), which the registry and archive code below it share; as in moby's {@code daemon/images}.
 */
@NullMarked
package io.gantry.core.images;

import org.jspecify.annotations.NullMarked;
