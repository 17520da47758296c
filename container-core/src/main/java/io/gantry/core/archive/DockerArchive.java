package io.gantry.core.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.content.ContentReader;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.ImageIndex;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Writes {@code docker save} tarballs as Docker 25+ does: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/…} with uncompressed layers named by their DiffIDs and a manifest over them) plus the legacy
 * {@code manifest.json} and {@code repositories}, so both Docker's and OCI tools read it.
 */
public final class DockerArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String IMAGE_NAME = "io.containerd.image.name";
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    /**
     * One image to save.
     *
     * @param manifest its platform manifest in the content store
     * @param tags     full references with tags ({@code docker.io/library/busybox:latest}); may be empty
     */
    public record SavedImage(Descriptor manifest, List<String> tags) {

        public SavedImage {
            tags = List.copyOf(tags);
        }
    }

    private DockerArchive() {
    }

    /** Writes the images (blobs shared between them once) to {@code out}, which stays open. */
    public static void save(ContentReader content, List<SavedImage> images, OutputStream out) throws IOException {
        ArchiveTar tar = new ArchiveTar(out);
        List<OciDescriptor> indexEntries = new ArrayList<>();
        List<Map<String, Object>> legacy = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (SavedImage image : images) {
            Manifest manifest = OciJson.parseManifest(ArchiveTar.read(content, image.manifest().digest()));
            Descriptor config = manifest.config().toDescriptor();
            byte[] configBytes = ArchiveTar.read(content, config.digest());
            ImageConfig parsed = OciJson.parseConfig(configBytes);
            tar.blob(config.digest(), configBytes);
            List<OciDescriptor> layers = new ArrayList<>();
            List<String> layerPaths = new ArrayList<>();
            for (int i = 0; i < manifest.layers().size(); i++) {
                Descriptor layer = manifest.layers().get(i).toDescriptor();
                Digest diffId = Digest.parse(parsed.rootfs().diffIds().get(i));
                long size = uncompressedLayer(tar, content, layer, diffId);
                layers.add(OciDescriptor.of(new Descriptor(MediaTypes.OCI_LAYER, diffId, size)));
                layerPaths.add(ArchiveTar.blobName(diffId));
            }
            byte[] newManifest = OciJson.write(Manifest.of(MediaTypes.OCI_MANIFEST,
                    OciDescriptor.of(new Descriptor(MediaTypes.OCI_CONFIG, config.digest(), config.size())), layers));
            Descriptor manifestDescriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, newManifest);
            tar.blob(manifestDescriptor.digest(), newManifest);
            indexEntries.addAll(indexEntries(manifestDescriptor, image.tags()));
            List<String> familiarTags = new ArrayList<>();
            for (String tag : image.tags()) {
                ImageReference ref = ImageReference.parse(tag);
                familiarTags.add(ref.familiar());
                repositories.computeIfAbsent(familiar(ref), name -> new LinkedHashMap<>())
                        .put(String.valueOf(ref.tag()), layers.isEmpty() ? "" : Digest.parse(layers.get(layers.size() - 1).digest()).hex());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Config", ArchiveTar.blobName(config.digest()));
            entry.put("RepoTags", familiarTags.isEmpty() ? null : familiarTags);
            entry.put("Layers", layerPaths);
            legacy.add(entry);
        }
        tar.file("index.json", OciJson.write(new ImageIndex(2, MediaTypes.OCI_INDEX, indexEntries, Map.of())));
        tar.file("manifest.json", JSON.writeValueAsBytes(legacy));
        tar.ociLayout();
        if (!repositories.isEmpty()) {
            tar.file("repositories", JSON.writeValueAsBytes(repositories));
        }
        tar.finish();
    }

    /**
     * The {@code index.json} entries of one image, as Docker and containerd write them: one per tag, annotated with the
     * full name ({@code io.containerd.image.name}) and the tag ({@code org.opencontainers.image.ref.name}); one plain
     * entry for an untagged image.
     */
    static List<OciDescriptor> indexEntries(Descriptor manifest, List<String> tags) {
        if (tags.isEmpty()) {
            return List.of(OciDescriptor.of(manifest));
        }
        List<OciDescriptor> entries = new ArrayList<>();
        for (String tag : tags) {
            ImageReference ref = ImageReference.parse(tag);
            entries.add(new OciDescriptor(manifest.mediaType(), manifest.digest().toString(), manifest.size(), List.of(),
                    Map.of(IMAGE_NAME, ref.toString(), REF_NAME, String.valueOf(ref.tag())), null, null));
        }
        return entries;
    }

    private static String familiar(ImageReference ref) {
        String familiar = ref.familiar();
        return familiar.substring(0, familiar.length() - (":" + ref.tag()).length());
    }

    /** Writes the layer uncompressed, named by its DiffID, which is checked on a first pass that also gives the size. */
    private static long uncompressedLayer(ArchiveTar tar, ContentReader content, Descriptor layer, Digest diffId)
            throws IOException {
        long size;
        try (InputStream in = uncompressed(content, layer)) {
            HashingInputStream hashing = new HashingInputStream(in, Long.MAX_VALUE);
            size = hashing.transferTo(OutputStream.nullOutputStream());
            Digest actual = hashing.digest();
            if (!actual.equals(diffId)) {
                throw new IOException("layer " + layer.digest() + " uncompresses to " + actual + ", the config says " + diffId);
            }
        }
        if (tar.firstTime(diffId)) {
            tar.streamedBlob(diffId, size, uncompressed(content, layer));
        }
        return size;
    }

    private static InputStream uncompressed(ContentReader content, Descriptor layer) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content.open(layer.digest()), 64 * 1024);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
