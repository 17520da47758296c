/**
 * Wire records of the OCI image spec and Docker's schema-2 formats (manifests, indexes and manifest lists, image
 * configs) and their parser, kept apart from the engine's own image model. Unknown fields are ignored, as the specs ask.
 */
@NullMarked
package io.gantry.core.image.oci;

import org.jspecify.annotations.NullMarked;
