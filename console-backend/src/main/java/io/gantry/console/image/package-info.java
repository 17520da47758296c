/**
 * The engine's images for the images page: listed by tag with the containers that use them, pulled with per-layer
 * progress, tagged, and removed (an image in use is refused with the engine's reason).
 * {@link io.gantry.console.image.ImageOperations} is the feature's one service.
 */
@NullMarked
package io.gantry.console.image;

import org.jspecify.annotations.NullMarked;
