package io.gantry.core.image.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.core.content.Digest;
import java.io.IOException;

/**
 * Reads and writes the image wire records, validating what the specs require: schema version 2, a media type that
 * agrees with the document's shape, well-formed digests everywhere, a rootfs of type {@code layers}.
 */
public final class OciJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private OciJson() {
    }

    /** Parses an OCI or Docker schema-2 image manifest. */
    public static Manifest parseManifest(byte[] json) {
        Manifest manifest = read(json, Manifest.class, "manifest");
        requireSchema2(manifest.schemaVersion(), "manifest");
        if (manifest.mediaType() != null && !MediaTypes.isManifest(manifest.mediaType())) {
            throw new ImageFormatException("manifest has media type " + manifest.mediaType() + ", not an image manifest");
        }
        if (manifest.config() == null) {
            throw new ImageFormatException("manifest has no config");
        }
        manifest.config().toDescriptor();
        manifest.layers().forEach(OciDescriptor::toDescriptor);
        return manifest;
    }

    /** Parses an OCI index or a Docker manifest list. */
    public static ImageIndex parseIndex(byte[] json) {
        ImageIndex index = read(json, ImageIndex.class, "index");
        requireSchema2(index.schemaVersion(), "index");
        if (index.mediaType() != null && !MediaTypes.isIndex(index.mediaType())) {
            throw new ImageFormatException("index has media type " + index.mediaType() + ", not an index");
        }
        index.manifests().forEach(OciDescriptor::toDescriptor);
        return index;
    }

    /** Parses an image config; its DiffIDs must be well-formed digests. */
    public static ImageConfig parseConfig(byte[] json) {
        ImageConfig config = read(json, ImageConfig.class, "config");
        if (config.rootfs() == null || !"layers".equals(config.rootfs().type())) {
            throw new ImageFormatException("config has no rootfs of type 'layers'");
        }
        for (String diffId : config.rootfs().diffIds()) {
            try {
                Digest.parse(diffId);
            } catch (IllegalArgumentException e) {
                throw new ImageFormatException("config has an invalid diff_id: " + e.getMessage(), e);
            }
        }
        return config;
    }

    /**
     * The media type of a manifest-like document: its {@code mediaType} field, else guessed from its shape as the OCI
     * spec allows ({@code manifests} → index, {@code config} → manifest).
     */
    public static String mediaTypeOf(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new ImageFormatException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ImageFormatException("not a JSON object");
        }
        if (node.hasNonNull("mediaType")) {
            return node.get("mediaType").asText();
        }
        if (node.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (node.has("config")) {
            return MediaTypes.OCI_MANIFEST;
        }
        throw new ImageFormatException("neither a manifest nor an index");
    }

    /** The canonical bytes of a wire record; the digest of these bytes names the document. */
    public static byte[] write(Object wireRecord) {
        try {
            return MAPPER.writeValueAsBytes(wireRecord);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + wireRecord.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new ImageFormatException(what + " is JSON null");
            }
            return value;
        } catch (IOException e) {
            throw new ImageFormatException("malformed " + what + " JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static void requireSchema2(int schemaVersion, String what) {
        if (schemaVersion != 2) {
            throw new ImageFormatException(what + " has schemaVersion " + schemaVersion + ", expected 2");
        }
    }
}
