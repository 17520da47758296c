/**
 * The images page: the engine's images by tag with the containers using them; pull with per-layer progress bars;
 * tag; remove (in bulk), with the engine's reason when an image is in use.
 */
@NullMarked
package io.gantry.console.image.ui;

import org.jspecify.annotations.NullMarked;
