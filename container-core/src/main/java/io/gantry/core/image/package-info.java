/**
 * Images as the engine knows them: references with Docker's normalisation, and (in {@code image.oci}) the OCI and
 * Docker wire formats of manifests, indexes and configs.
 */
@NullMarked
package io.gantry.core.image;

import org.jspecify.annotations.NullMarked;
