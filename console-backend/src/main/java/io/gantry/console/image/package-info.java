/**
 * The engine's images for the images page: listed by tag with the containers that use them, pulled with per-layer
 * progress, tagged, their history read, exported and imported as tarballs, removed (an image in use is refused with
 * the engine's reason) and pruned.
 * {@link io.gantry.console.image.ImageOperations} is the feature's one service.
 */
@NullMarked
package io.gantry.console.image;

import org.jspecify.annotations.NullMarked;
