package io.gantry.core.images;

import io.gantry.core.archive.ArchivedImages;
import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.ImageArchive;
import io.gantry.core.archive.LayerLimitExceededException;
import io.gantry.core.archive.UnsafeArchiveException;
import io.gantry.core.content.ContentInfo;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.DigestMismatchException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.ImageFormatException;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Docker's {@code load}: an untrusted image archive is read into the content store ({@link ImageArchive}), its images
 * found ({@link ArchivedImages}), and every manifest, config and layer checked (digests, sizes, media types, one DiffID
 * per layer) before the first layer is unpacked. Layers are unpacked like pulled ones, through the hostile-input-safe
 * extractor, each once by chain ID. Returns the records for the caller to store; nothing is visible before that.
 */
final class ImageLoader {

    /** An image ready to be recorded, and the references to give it. */
    record Loaded(ImageRecord image, List<String> references) {
    }

    /** What was checked of one image before anything is unpacked. */
    private record Checked(ArchivedImages.ArchivedImage found, Digest configDigest, List<Descriptor> layers,
                           List<Digest> diffIds) {
    }

    private final ContentStore content;
    private final Snapshotter snapshotter;
    private final LayerUnpacker unpacker;
    private final Platform platform;
    private final ExtractionLimits limits;

    ImageLoader(ContentStore content, Snapshotter snapshotter, LayerUnpacker unpacker, Platform platform,
                ExtractionLimits limits) {
        this.content = content;
        this.snapshotter = snapshotter;
        this.unpacker = unpacker;
        this.platform = platform;
        this.limits = limits;
    }

    List<Loaded> load(InputStream archiveStream, Consumer<LoadEvent> progress, ToLongFunction<ChainId> knownSize) {
        List<Checked> checked = new ArrayList<>();
        try {
            ImageArchive archive = ImageArchive.read(archiveStream, content, limits);
            for (ArchivedImages.ArchivedImage image : ArchivedImages.of(archive, content, platform)) {
                checked.add(check(image));
            }
        } catch (UnsafeArchiveException | LayerLimitExceededException | NoSuchFileException | ImageFormatException e) {
            throw new InvalidArgumentException("load: " + e.getMessage(), e);
        } catch (DigestMismatchException e) {
            throw new FailedPreconditionException("load: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FailedPreconditionException("load: reading the archive failed: " + e.getMessage(), e);
        }
        List<Loaded> loaded = new ArrayList<>();
        try {
            for (Checked image : checked) {
                loaded.add(new Loaded(unpack(image, progress, knownSize), image.found().references()));
            }
        } catch (FailedPreconditionException e) {
            throw new FailedPreconditionException("load: " + e.getMessage(), e);
        }
        return loaded;
    }

    private Checked check(ArchivedImages.ArchivedImage image) throws IOException {
        Digest manifestDigest = image.manifest().digest();
        Manifest manifest = OciJson.parseManifest(bytes(image.manifest(), "manifest"));
        Descriptor config = manifest.config().toDescriptor();
        if (!MediaTypes.isConfig(config.mediaType())) {
            throw new ImageFormatException("manifest " + manifestDigest + " has a config of type " + config.mediaType());
        }
        ImageConfig parsed = OciJson.parseConfig(bytes(config, "config"));
        if (parsed.rootfs().diffIds().size() != manifest.layers().size()) {
            throw new ImageFormatException("image " + config.digest() + " has " + manifest.layers().size()
                    + " layers but its config lists " + parsed.rootfs().diffIds().size() + " DiffIDs");
        }
        List<Descriptor> layers = new ArrayList<>();
        for (var layer : manifest.layers()) {
            Descriptor blob = layer.toDescriptor();
            if (!MediaTypes.isSupportedLayer(blob.mediaType())) {
                throw new ImageFormatException("layer " + blob.digest() + " has the unsupported media type " + blob.mediaType());
            }
            stored(blob, "layer");
            layers.add(blob);
        }
        return new Checked(image, config.digest(), layers, parsed.rootfs().diffIds().stream().map(Digest::parse).toList());
    }

    /** The blob the archive stored for {@code descriptor}, which must have the size the descriptor gives. */
    private ContentInfo stored(Descriptor descriptor, String what) throws IOException {
        ContentInfo info = content.info(descriptor.digest()).orElseThrow(() -> new ImageFormatException(
                "the archive lacks the " + what + " " + descriptor.digest()));
        if (info.size() != descriptor.size()) {
            throw new ImageFormatException(what + " " + descriptor.digest() + " is " + info.size()
                    + " bytes, its descriptor says " + descriptor.size());
        }
        return info;
    }

    private byte[] bytes(Descriptor descriptor, String what) throws IOException {
        stored(descriptor, what);
        if (descriptor.size() > ImageArchive.MAX_METADATA) {
            throw new ImageFormatException(what + " " + descriptor.digest() + " is larger than " + ImageArchive.MAX_METADATA
                    + " bytes");
        }
        try (InputStream in = content.open(descriptor.digest())) {
            return in.readAllBytes();
        }
    }

    private ImageRecord unpack(Checked image, Consumer<LoadEvent> progress, ToLongFunction<ChainId> knownSize) {
        List<ChainId> chains = ChainIds.of(image.diffIds());
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            ChainId chain = chains.get(i);
            Descriptor blob = image.layers().get(i);
            String id = chain.hex().substring(0, 12);
            if (snapshotter.hasLayer(chain)) {
                sizes.add(knownSize.applyAsLong(chain));
                progress.accept(new LoadEvent(id, blob.size(), blob.size()));
            } else {
                LayerUnpacker.Staged staged = unpacker.stage(blob.digest(), blob.size(),
                        done -> progress.accept(new LoadEvent(id, Math.min(done, blob.size()), blob.size())));
                sizes.add(unpacker.commit(staged, image.diffIds().get(i), chain));
            }
        }
        return new ImageRecord(image.configDigest(), image.found().manifest(), List.of(), List.of(), Instant.now(), chains,
                sizes);
    }
}
