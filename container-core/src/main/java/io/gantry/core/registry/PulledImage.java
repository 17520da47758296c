package io.gantry.core.registry;

import io.gantry.core.content.Descriptor;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.Manifest;
import java.util.Optional;

/**
 * An image whose manifest, config and layers are all verified and committed to the content store.
 *
 * @param reference the reference pulled, pinned to the top-level digest (index or manifest)
 * @param manifest  descriptor of the platform manifest
 * @param parsed    that manifest
 * @param config    the image config
 * @param rateLimit the pull rate limit the registry reported after this pull, if it reports one
 */
public record PulledImage(ImageReference reference, Descriptor manifest, Manifest parsed, ImageConfig config,
                          Optional<RateLimit> rateLimit) {
}
