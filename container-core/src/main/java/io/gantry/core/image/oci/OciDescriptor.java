package io.gantry.core.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A descriptor as it appears on the wire; {@link #toDescriptor()} validates it into the engine's {@link Descriptor}.
 *
 * @param mediaType    media type of the referenced content
 * @param digest       digest text, validated by {@link #toDescriptor()}
 * @param size         size in bytes
 * @param urls         alternative locations (foreign layers); never followed by this engine
 * @param annotations  free-form metadata
 * @param platform     set on index entries
 * @param artifactType set on artifact manifests in indexes
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OciDescriptor(String mediaType, String digest, long size, List<String> urls, Map<String, String> annotations,
                            @Nullable Platform platform, @Nullable String artifactType) {

    public OciDescriptor {
        mediaType = mediaType == null ? "" : mediaType;
        digest = digest == null ? "" : digest;
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The wire form of {@code descriptor}. */
    public static OciDescriptor of(Descriptor descriptor) {
        return new OciDescriptor(descriptor.mediaType(), descriptor.digest().toString(), descriptor.size(), List.of(), Map.of(),
                null, null);
    }

    /** The same entry with a platform, for indexes. */
    public OciDescriptor withPlatform(Platform entryPlatform) {
        return new OciDescriptor(mediaType, digest, size, urls, annotations, entryPlatform, artifactType);
    }

    /** Validated: a well-formed sha256 digest, a media type, a size that is not negative. */
    public Descriptor toDescriptor() {
        try {
            return new Descriptor(mediaType, Digest.parse(digest), size);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException("invalid descriptor " + digest + ": " + e.getMessage(), e);
        }
    }
}
