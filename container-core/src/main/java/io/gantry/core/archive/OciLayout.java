package io.gantry.core.archive;

import io.gantry.core.content.ContentReader;
import io.gantry.core.content.Descriptor;
import io.gantry.core.image.oci.ImageIndex;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes images as a pure OCI image layout tarball ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/}), the
 * form {@code skopeo copy … oci-archive:} and {@code podman save --format oci-archive} produce. Blobs go in as they are
 * stored (layers stay compressed), so an OCI image keeps its manifest digest. A Docker schema-2 manifest is rewritten
 * with the OCI media types, as skopeo does when it converts; its config, and so the image ID, stays the same.
 */
public final class OciLayout {

    private OciLayout() {
    }

    /** Writes the images to {@code out}, which stays open; blobs shared between them go in once. */
    public static void save(ContentReader content, List<DockerArchive.SavedImage> images, OutputStream out) throws IOException {
        ArchiveTar tar = new ArchiveTar(out);
        List<OciDescriptor> indexEntries = new ArrayList<>();
        for (DockerArchive.SavedImage image : images) {
            byte[] body = ArchiveTar.read(content, image.manifest().digest());
            Manifest manifest = OciJson.parseManifest(body);
            Descriptor config = manifest.config().toDescriptor();
            tar.storedBlob(content, config.digest(), config.size());
            List<OciDescriptor> layers = new ArrayList<>();
            for (OciDescriptor layer : manifest.layers()) {
                Descriptor blob = layer.toDescriptor();
                tar.storedBlob(content, blob.digest(), blob.size());
                layers.add(new OciDescriptor(ociLayerType(blob.mediaType()), layer.digest(), layer.size(), layer.urls(),
                        layer.annotations(), null, null));
            }
            Descriptor written;
            if (MediaTypes.OCI_MANIFEST.equals(manifest.mediaType()) || manifest.mediaType() == null) {
                written = new Descriptor(MediaTypes.OCI_MANIFEST, image.manifest().digest(), body.length);
                tar.blob(written.digest(), body);
            } else {
                byte[] converted = OciJson.write(Manifest.of(MediaTypes.OCI_MANIFEST,
                        OciDescriptor.of(new Descriptor(MediaTypes.OCI_CONFIG, config.digest(), config.size())), layers));
                written = Descriptor.of(MediaTypes.OCI_MANIFEST, converted);
                tar.blob(written.digest(), converted);
            }
            indexEntries.addAll(DockerArchive.indexEntries(written, image.tags()));
        }
        tar.file("index.json", OciJson.write(new ImageIndex(2, MediaTypes.OCI_INDEX, indexEntries, Map.of())));
        tar.ociLayout();
        tar.finish();
    }

    /** The OCI media type of a layer typed the Docker way; OCI types stay. */
    private static String ociLayerType(String mediaType) {
        return switch (mediaType) {
            case MediaTypes.DOCKER_LAYER_GZIP -> MediaTypes.OCI_LAYER_GZIP;
            case MediaTypes.DOCKER_FOREIGN_LAYER_GZIP -> MediaTypes.OCI_LAYER_NONDISTRIBUTABLE_GZIP;
            default -> mediaType;
        };
    }
}
