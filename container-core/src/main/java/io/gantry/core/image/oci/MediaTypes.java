package io.gantry.core.image.oci;

import java.util.List;
import java.util.Set;

/** The OCI and Docker media types the engine reads and writes. */
public final class MediaTypes {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    public static final String OCI_LAYER_NONDISTRIBUTABLE = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public static final String OCI_LAYER_NONDISTRIBUTABLE_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";

    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String DOCKER_FOREIGN_LAYER_GZIP = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    /** The Accept list for manifest requests, indexes first, as containerd sends it. */
    public static final List<String> MANIFEST_ACCEPT = List.of(OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

    private static final Set<String> UNCOMPRESSED_LAYERS = Set.of(OCI_LAYER, OCI_LAYER_NONDISTRIBUTABLE);
    private static final Set<String> GZIP_LAYERS = Set.of(OCI_LAYER_GZIP, OCI_LAYER_NONDISTRIBUTABLE_GZIP, DOCKER_LAYER_GZIP,
            DOCKER_FOREIGN_LAYER_GZIP);
    /** Old pushes typed configs loosely; moby accepts these too. */
    private static final Set<String> CONFIGS = Set.of(OCI_CONFIG, DOCKER_CONFIG, "application/octet-stream", "application/json");

    private MediaTypes() {
    }

    /** An OCI index or a Docker manifest list. */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }

    /** An OCI image manifest or a Docker schema-2 manifest. */
    public static boolean isManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }

    /** A layer this engine can unpack: tar, or tar+gzip. */
    public static boolean isSupportedLayer(String mediaType) {
        return UNCOMPRESSED_LAYERS.contains(mediaType) || GZIP_LAYERS.contains(mediaType);
    }

    /** A gzip-compressed layer. */
    public static boolean isGzipLayer(String mediaType) {
        return GZIP_LAYERS.contains(mediaType);
    }

    /** A media type acceptable for an image config. */
    public static boolean isConfig(String mediaType) {
        return CONFIGS.contains(mediaType);
    }

    /** The media type without parameters ({@code ; charset=…}) and surrounding blanks, as HTTP sends it. */
    public static String bare(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }
}
