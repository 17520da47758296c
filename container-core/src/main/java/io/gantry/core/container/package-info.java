/**
 * Containers as Docker users know them: names, an image's defaults merged with what the user asked for, users named
 * by the image's {@code /etc/passwd}, signals by name. It turns such a request into the runtime's low-level spec and
 * wires in images, networks and volumes.
 */
@NullMarked
package io.gantry.core.container;

import org.jspecify.annotations.NullMarked;
