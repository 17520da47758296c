package io.gantry.core.registry;

import io.gantry.core.content.Descriptor;
import java.util.Optional;

/**
 * A manifest or index exactly as the registry sent it, verified against its digest.
 *
 * @param descriptor media type, digest and size of {@code body}
 * @param body       the bytes whose digest names it
 * @param rateLimit  the pull rate limit the registry reported with it, if any
 */
public record FetchedManifest(Descriptor descriptor, byte[] body, Optional<RateLimit> rateLimit) {
}
