package io.gantry.core.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OCI image index or a Docker manifest list: one manifest per platform.
 *
 * @param schemaVersion always 2
 * @param mediaType     the index's media type
 * @param manifests     the entries
 * @param annotations   free-form metadata
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageIndex(int schemaVersion, @Nullable String mediaType, List<OciDescriptor> manifests,
                         Map<String, String> annotations) {

    /** BuildKit marks attestation manifests with this annotation (and platform unknown/unknown). */
    static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    public ImageIndex {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /**
     * The entry for {@code wanted}: same OS and architecture, and the same variant when it names one; an exact
     * variant match wins over an entry without a variant. Attestations and non-image entries never match.
     */
    public Optional<OciDescriptor> select(Platform wanted) {
        return manifests.stream()
                .filter(entry -> MediaTypes.isManifest(entry.mediaType()) || MediaTypes.isIndex(entry.mediaType()))
                .filter(entry -> !entry.annotations().containsKey(REFERENCE_TYPE))
                .filter(entry -> entry.platform() != null && matches(entry.platform(), wanted))
                .min(Comparator.comparingInt(entry -> variantRank(entry.platform(), wanted)));
    }

    private static boolean matches(Platform offered, Platform wanted) {
        return offered.os().equals(wanted.os()) && offered.architecture().equals(wanted.architecture())
                && (wanted.variant() == null || offered.variant() == null || wanted.variant().equals(offered.variant()));
    }

    private static int variantRank(@Nullable Platform offered, Platform wanted) {
        return offered != null && offered.variant() != null && offered.variant().equals(wanted.variant()) ? 0 : 1;
    }
}
