package io.gantry.core.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.InvalidReferenceException;
import io.gantry.core.image.oci.ImageFormatException;
import io.gantry.core.image.oci.ImageIndex;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The images an {@link ImageArchive} holds and the names it gives them. A {@code manifest.json} (every
 * {@code docker save}, skopeo's {@code docker-archive}) is read as Docker reads it, its {@code RepoTags} giving the
 * names, and an OCI manifest is made over its config and layer files. Without one, the archive must be an OCI image
 * layout ({@code oci-layout}, {@code index.json}): each index entry (an index within is narrowed to the platform)
 * names its image by the {@code io.containerd.image.name} annotation, else by {@code org.opencontainers.image.ref.name}
 * when that is a whole reference ({@code busybox:1}, {@code host:5000/app:2}); a bare tag names no repository, and
 * such an image loads untagged.
 */
public final class ArchivedImages {

    /**
     * One image found in the archive.
     *
     * @param manifest   its manifest, in the content store
     * @param references full references with tags ({@code docker.io/library/busybox:latest}); may be empty
     */
    public record ArchivedImage(Descriptor manifest, List<String> references) {

        public ArchivedImage {
            references = List.copyOf(references);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** One entry of {@code manifest.json}. */
    record LegacyEntry(@JsonProperty("Config") @Nullable String config, @JsonProperty("RepoTags") @Nullable List<String> repoTags,
                       @JsonProperty("Layers") @Nullable List<String> layers) {
    }

    private ArchivedImages() {
    }

    /** The images of {@code archive}; manifests made for legacy archives are written to {@code content}. */
    public static List<ArchivedImage> of(ImageArchive archive, ContentStore content, Platform platform) throws IOException {
        if (archive.has("manifest.json")) {
            return legacy(archive, content);
        }
        if (archive.has("index.json")) {
            return layout(archive, platform);
        }
        throw new ImageFormatException("not an image archive: it has neither manifest.json (docker save) nor index.json "
                + "(OCI image layout)");
    }

    private static List<ArchivedImage> legacy(ImageArchive archive, ContentStore content) throws IOException {
        List<LegacyEntry> entries;
        try {
            entries = JSON.readValue(archive.read("manifest.json"), new TypeReference<List<LegacyEntry>>() { });
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ImageFormatException("malformed manifest.json: " + e.getOriginalMessage(), e);
        }
        if (entries == null || entries.isEmpty()) {
            throw new ImageFormatException("manifest.json lists no image");
        }
        List<ArchivedImage> images = new ArrayList<>();
        for (LegacyEntry entry : entries) {
            if (entry == null || entry.config() == null) {
                throw new ImageFormatException("manifest.json has an entry without Config");
            }
            Descriptor config = archive.file(entry.config());
            List<OciDescriptor> layers = new ArrayList<>();
            for (String layer : entry.layers() == null ? List.<String>of() : entry.layers()) {
                Descriptor blob = archive.file(layer);
                String type = gzipped(content, blob) ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER;
                layers.add(OciDescriptor.of(new Descriptor(type, blob.digest(), blob.size())));
            }
            byte[] manifest = OciJson.write(Manifest.of(MediaTypes.OCI_MANIFEST,
                    OciDescriptor.of(new Descriptor(MediaTypes.OCI_CONFIG, config.digest(), config.size())), layers));
            List<String> references = new ArrayList<>();
            for (String tag : entry.repoTags() == null ? List.<String>of() : entry.repoTags()) {
                references.add(reference(tag, "manifest.json RepoTags"));
            }
            images.add(new ArchivedImage(put(content, manifest), references));
        }
        return images;
    }

    private static List<ArchivedImage> layout(ImageArchive archive, Platform platform) throws IOException {
        if (!archive.has("oci-layout")) {
            throw new ImageFormatException("not an OCI image layout: index.json without oci-layout");
        }
        String version = JSON.readTree(archive.read("oci-layout")).path("imageLayoutVersion").asText("");
        if (!version.equals("1.0.0")) {
            throw new ImageFormatException("OCI image layout version '" + version + "' is not supported (1.0.0 is)");
        }
        ImageIndex index = OciJson.parseIndex(archive.read("index.json"));
        Map<String, ArchivedImage> byManifest = new LinkedHashMap<>();
        for (OciDescriptor entry : index.manifests()) {
            if (entry.platform() != null && MediaTypes.isManifest(entry.mediaType())
                    && new ImageIndex(2, null, List.of(entry), Map.of()).select(platform).isEmpty()) {
                continue; // a manifest of another platform, listed beside the host's
            }
            Optional<Descriptor> manifest = platformManifest(archive, entry, platform, 0);
            if (manifest.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            name(entry).ifPresent(names::add);
            byManifest.merge(manifest.get().digest().toString(), new ArchivedImage(manifest.get(), names),
                    (a, b) -> new ArchivedImage(a.manifest(), union(a.references(), b.references())));
        }
        if (byManifest.isEmpty()) {
            throw new ImageFormatException("the OCI image layout holds no image for " + platform);
        }
        return List.copyOf(byManifest.values());
    }

    /** The image manifest an index entry leads to for {@code platform}; empty for artifacts and other platforms. */
    private static Optional<Descriptor> platformManifest(ImageArchive archive, OciDescriptor entry, Platform platform, int depth)
            throws IOException {
        Descriptor descriptor = entry.toDescriptor();
        if (!MediaTypes.isManifest(descriptor.mediaType()) && !MediaTypes.isIndex(descriptor.mediaType())) {
            return Optional.empty();
        }
        Descriptor stored = archive.blob(descriptor.digest()).orElseThrow(() -> new ImageFormatException(
                "the OCI image layout lacks the blob " + descriptor.digest() + " its index refers to"));
        if (stored.size() != descriptor.size()) {
            throw new ImageFormatException("blob " + descriptor.digest() + " is " + stored.size() + " bytes, its descriptor says "
                    + descriptor.size());
        }
        byte[] body = archive.read(stored, descriptor.digest().toString());
        String actualType = OciJson.mediaTypeOf(body);
        if (!actualType.equals(descriptor.mediaType())) {
            throw new ImageFormatException("blob " + descriptor.digest() + " is a " + actualType + ", its descriptor says "
                    + descriptor.mediaType());
        }
        if (MediaTypes.isManifest(actualType)) {
            return Optional.of(descriptor);
        }
        if (depth > 2) {
            throw new ImageFormatException("indexes in the OCI image layout nest too deep at " + descriptor.digest());
        }
        ImageIndex nested = OciJson.parseIndex(body);
        Optional<OciDescriptor> chosen = nested.select(platform);
        if (chosen.isEmpty() && nested.manifests().size() == 1 && nested.manifests().get(0).platform() == null) {
            chosen = Optional.of(nested.manifests().get(0));
        }
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        return platformManifest(archive, chosen.get(), platform, depth + 1);
    }

    private static Optional<String> name(OciDescriptor entry) throws ImageFormatException {
        String full = entry.annotations().get(DockerArchive.IMAGE_NAME);
        if (full != null && !full.isBlank()) {
            return Optional.of(reference(full, DockerArchive.IMAGE_NAME));
        }
        String ref = entry.annotations().get(DockerArchive.REF_NAME);
        if (ref != null && (ref.contains(":") || ref.contains("/"))) {
            return Optional.of(reference(ref, DockerArchive.REF_NAME));
        }
        return Optional.empty();
    }

    private static String reference(String text, String where) throws ImageFormatException {
        try {
            ImageReference ref = ImageReference.parse(text);
            if (ref.tag() == null) {
                throw new ImageFormatException(where + " names '" + text + "' without a tag");
            }
            return ref.name() + ":" + ref.tag();
        } catch (InvalidReferenceException e) {
            throw new ImageFormatException(where + " holds an invalid image name: " + e.getMessage(), e);
        }
    }

    private static boolean gzipped(ContentStore content, Descriptor blob) throws IOException {
        try (InputStream in = content.open(blob.digest())) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static Descriptor put(ContentStore content, byte[] manifest) throws IOException {
        Descriptor descriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, manifest);
        try (BlobWriter writer = content.writer("load-manifest-" + descriptor.digest().hex() + "-" + java.util.UUID.randomUUID())) {
            writer.write(manifest);
            writer.commit(manifest.length, descriptor.digest());
        }
        return descriptor;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(name -> !all.contains(name)).forEach(all::add);
        return all;
    }
}
