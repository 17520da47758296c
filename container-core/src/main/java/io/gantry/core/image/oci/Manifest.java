package io.gantry.core.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An OCI image manifest or a Docker schema-2 manifest: a config and layers, base layer first.
 *
 * @param schemaVersion always 2
 * @param mediaType     the manifest's media type (optional in OCI, required by Docker)
 * @param artifactType  set on artifacts
 * @param config        the image config
 * @param layers        the layers, base first
 * @param subject       the manifest this one refers to (referrers API)
 * @param annotations   free-form metadata
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Manifest(int schemaVersion, @Nullable String mediaType, @Nullable String artifactType, OciDescriptor config,
                       List<OciDescriptor> layers, @Nullable OciDescriptor subject, Map<String, String> annotations) {

    public Manifest {
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** A plain image manifest of the given media type. */
    public static Manifest of(String mediaType, OciDescriptor config, List<OciDescriptor> layers) {
        return new Manifest(2, mediaType, null, config, layers, null, Map.of());
    }
}
