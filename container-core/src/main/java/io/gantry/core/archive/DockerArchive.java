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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

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
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (String dir : List.of("blobs/", "blobs/sha256/")) {
            TarArchiveEntry entry = new TarArchiveEntry(dir);
            entry.setMode(040755);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        Set<Digest> written = new HashSet<>();
        List<OciDescriptor> indexEntries = new ArrayList<>();
        List<Map<String, Object>> legacy = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (SavedImage image : images) {
            Manifest manifest = OciJson.parseManifest(read(content, image.manifest().digest()));
            Descriptor config = manifest.config().toDescriptor();
            byte[] configBytes = read(content, config.digest());
            ImageConfig parsed = OciJson.parseConfig(configBytes);
            blob(tar, written, config.digest(), configBytes);
            List<OciDescriptor> layers = new ArrayList<>();
            List<String> layerPaths = new ArrayList<>();
            for (int i = 0; i < manifest.layers().size(); i++) {
                Descriptor layer = manifest.layers().get(i).toDescriptor();
                Digest diffId = Digest.parse(parsed.rootfs().diffIds().get(i));
                long size = uncompressedLayer(tar, written, content, layer, diffId);
                layers.add(OciDescriptor.of(new Descriptor(MediaTypes.OCI_LAYER, diffId, size)));
                layerPaths.add("blobs/sha256/" + diffId.hex());
            }
            byte[] newManifest = OciJson.write(Manifest.of(MediaTypes.OCI_MANIFEST,
                    OciDescriptor.of(new Descriptor(MediaTypes.OCI_CONFIG, config.digest(), config.size())), layers));
            Descriptor manifestDescriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, newManifest);
            blob(tar, written, manifestDescriptor.digest(), newManifest);
            List<String> familiarTags = new ArrayList<>();
            for (String tag : image.tags()) {
                ImageReference ref = ImageReference.parse(tag);
                familiarTags.add(ref.familiar());
                indexEntries.add(new OciDescriptor(MediaTypes.OCI_MANIFEST, manifestDescriptor.digest().toString(),
                        manifestDescriptor.size(), List.of(), Map.of(IMAGE_NAME, ref.toString(), REF_NAME, String.valueOf(ref.tag())),
                        null, null));
                String familiarName = familiar(ref);
                repositories.computeIfAbsent(familiarName, name -> new LinkedHashMap<>())
                        .put(String.valueOf(ref.tag()), layers.isEmpty() ? "" : Digest.parse(layers.get(layers.size() - 1).digest()).hex());
            }
            if (image.tags().isEmpty()) {
                indexEntries.add(OciDescriptor.of(manifestDescriptor));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Config", "blobs/sha256/" + config.digest().hex());
            entry.put("RepoTags", familiarTags.isEmpty() ? null : familiarTags);
            entry.put("Layers", layerPaths);
            legacy.add(entry);
        }
        file(tar, "index.json", OciJson.write(new ImageIndex(2, MediaTypes.OCI_INDEX, indexEntries, Map.of())));
        file(tar, "manifest.json", JSON.writeValueAsBytes(legacy));
        file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        if (!repositories.isEmpty()) {
            file(tar, "repositories", JSON.writeValueAsBytes(repositories));
        }
        tar.finish();
        tar.flush();
    }

    private static String familiar(ImageReference ref) {
        String familiar = ref.familiar();
        return familiar.substring(0, familiar.length() - (":" + ref.tag()).length());
    }

    /** Writes the layer uncompressed, named by its DiffID, which is checked on a first pass that also gives the size. */
    private static long uncompressedLayer(TarArchiveOutputStream tar, Set<Digest> written, ContentReader content,
                                          Descriptor layer, Digest diffId) throws IOException {
        long size;
        try (InputStream in = uncompressed(content, layer)) {
            HashingInputStream hashing = new HashingInputStream(in, Long.MAX_VALUE);
            size = hashing.transferTo(OutputStream.nullOutputStream());
            Digest actual = hashing.digest();
            if (!actual.equals(diffId)) {
                throw new IOException("layer " + layer.digest() + " uncompresses to " + actual + ", the config says " + diffId);
            }
        }
        if (!written.add(diffId)) {
            return size;
        }
        TarArchiveEntry entry = blobEntry(diffId, size);
        tar.putArchiveEntry(entry);
        try (InputStream in = uncompressed(content, layer)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
        return size;
    }

    private static InputStream uncompressed(ContentReader content, Descriptor layer) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content.open(layer.digest()), 64 * 1024);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    private static void blob(TarArchiveOutputStream tar, Set<Digest> written, Digest digest, byte[] bytes) throws IOException {
        if (written.add(digest)) {
            tar.putArchiveEntry(blobEntry(digest, bytes.length));
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
    }

    private static TarArchiveEntry blobEntry(Digest digest, long size) {
        TarArchiveEntry entry = new TarArchiveEntry("blobs/sha256/" + digest.hex());
        entry.setSize(size);
        entry.setMode(0644);
        entry.setModTime(0);
        return entry;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0644);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static byte[] read(ContentReader content, Digest digest) throws IOException {
        try (InputStream in = content.open(digest)) {
            return in.readAllBytes();
        }
    }
}
