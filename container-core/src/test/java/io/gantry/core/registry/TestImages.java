package io.gantry.core.registry;

import io.gantry.core.archive.TarBuilder;
import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.ImageIndex;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Test images built with the project's own code from Debian material: a busybox image from {@code busybox-static}
 * (apt package; {@code /bin/busybox} with relative applet links), small single-file images, and a two-platform index.
 * Blobs go into a content store and are pushed with {@link RegistryClient}.
 */
public final class TestImages {

    public static final Path BUSYBOX = Path.of("/bin/busybox");

    /** An image: its manifest (bytes and descriptor) and every blob it needs, base layer first, config last. */
    public record TestImage(Descriptor manifest, byte[] manifestBody, List<Descriptor> layers, Descriptor config) {
    }

    private TestImages() {
    }

    /** busybox with {@code bin/sh} and every applet linked relatively to {@code busybox}, as an OCI image. */
    public static TestImage busybox(ContentStore store, String architecture) throws IOException, InterruptedException {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new IllegalStateException(BUSYBOX + " is missing: apt-get install busybox-static");
        }
        return image(store, MediaTypes.OCI_MANIFEST, architecture, busyboxLayer());
    }

    /** The busybox layer alone (tar+gzip), to build multi-layer images on. */
    public static byte[] busyboxLayer() throws IOException, InterruptedException {
        TarBuilder tar = new TarBuilder().dir("bin").file("bin/busybox", Files.readAllBytes(BUSYBOX), 0755, e -> { });
        for (String applet : applets()) {
            if (!applet.equals("busybox")) {
                tar.symlink("bin/" + applet, "busybox");
            }
        }
        return tar.tarGz();
    }

    /** A one-layer image holding one file, in the given manifest media type. */
    public static TestImage single(ContentStore store, String manifestType, String file, String content) throws IOException {
        return image(store, manifestType, "amd64", new TarBuilder().file(file, content).tarGz());
    }

    /** An OCI index over the given images, one platform each. */
    public static Descriptor index(ContentStore store, Map<Platform, TestImage> images, List<byte[]> bodyOut) throws IOException {
        List<OciDescriptor> entries = new ArrayList<>();
        images.forEach((platform, image) -> entries.add(OciDescriptor.of(image.manifest()).withPlatform(platform)));
        byte[] body = OciJson.write(new ImageIndex(2, MediaTypes.OCI_INDEX, entries, Map.of()));
        bodyOut.add(body);
        return put(store, MediaTypes.OCI_INDEX, body);
    }

    /** Pushes every blob and then the manifest under {@code reference}. */
    public static void push(RegistryClient client, ContentStore store, ImageReference reference, TestImage image) {
        push(client, store, reference, image, null);
    }

    /** The same, as {@code credentials} (null for none). */
    public static void push(RegistryClient client, ContentStore store, ImageReference reference, TestImage image,
                            @Nullable Credentials credentials) {
        for (Descriptor layer : image.layers()) {
            client.pushBlob(reference, layer, store, credentials);
        }
        client.pushBlob(reference, image.config(), store, credentials);
        client.pushManifest(reference, image.manifest(), image.manifestBody(), credentials);
    }

    public static TestImage image(ContentStore store, String manifestType, String architecture, byte[] layerGz)
            throws IOException {
        return layered(store, manifestType, architecture, List.of(layerGz),
                new ImageConfig.ContainerConfig(null, Map.of(), List.of("PATH=/bin"), List.of(), List.of("sh"), Map.of(), "/",
                        Map.of(), null, null));
    }

    /** An image of the given tar+gzip layers (base first) and container defaults, one history step per layer. */
    public static TestImage layered(ContentStore store, String manifestType, String architecture, List<byte[]> layersGz,
                                    ImageConfig.ContainerConfig defaults) throws IOException {
        boolean oci = manifestType.equals(MediaTypes.OCI_MANIFEST);
        List<Descriptor> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<ImageConfig.History> history = new ArrayList<>();
        for (byte[] layerGz : layersGz) {
            layers.add(put(store, oci ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.DOCKER_LAYER_GZIP, layerGz));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(layerGz))) {
                diffIds.add(Digest.of(in).toString());
            }
            history.add(new ImageConfig.History("2024-01-02T03:04:05Z", "gantry TestImages layer " + layers.size(), null, null, false));
        }
        ImageConfig config = new ImageConfig("2024-01-02T03:04:05Z", "gantry tests", architecture, "linux", null, defaults,
                new ImageConfig.RootFs("layers", diffIds), history);
        Descriptor configDescriptor = put(store, oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG, OciJson.write(config));
        byte[] manifest = OciJson.write(Manifest.of(manifestType, OciDescriptor.of(configDescriptor),
                layers.stream().map(OciDescriptor::of).toList()));
        return new TestImage(put(store, manifestType, manifest), manifest, layers, configDescriptor);
    }

    public static Descriptor put(ContentStore store, String mediaType, byte[] bytes) throws IOException {
        Descriptor descriptor = Descriptor.of(mediaType, bytes);
        if (!store.exists(descriptor.digest())) {
            try (BlobWriter writer = store.writer("test-" + descriptor.digest())) {
                writer.write(bytes);
                writer.commit(bytes.length, descriptor.digest());
            }
        }
        return descriptor;
    }

    private static List<String> applets() throws IOException, InterruptedException {
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (list.waitFor() != 0) {
            throw new IllegalStateException("busybox --list failed: " + out);
        }
        return out.lines().filter(line -> line.matches("[a-z0-9_.\\[-]+")).toList();
    }
}
