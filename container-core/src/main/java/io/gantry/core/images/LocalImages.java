package io.gantry.core.images;

import io.gantry.core.archive.LayerWriter;
import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.snapshot.ChainId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Images made on this host: {@code commit} (an overlay upper directory becomes a gzip layer over the parent's, with
 * overlay whiteouts written back as OCI ones) and {@code import} (a rootfs tarball becomes a one-layer image). Each
 * writes its blobs through the verifying content store, unpacks the new layer like a pulled one, and returns the
 * record for the caller to store.
 */
final class LocalImages {

    /** The parent of a commit: its record, config and manifest. */
    record Parent(ImageRecord record, ImageConfig config, Manifest manifest) {
    }

    private final ContentStore content;
    private final LayerUnpacker unpacker;
    private final Platform platform;

    LocalImages(ContentStore content, LayerUnpacker unpacker, Platform platform) {
        this.content = content;
        this.unpacker = unpacker;
        this.platform = platform;
    }

    ImageRecord commit(Path upper, @Nullable Parent parent, NewImage how) {
        Descriptor layer = writeBlob(MediaTypes.OCI_LAYER_GZIP, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
            new LayerWriter(LayerWriter.Whiteouts.TO_OCI).write(upper, gzip);
            gzip.finish();
        });
        return record(layer, parent, how, "gantry commit");
    }

    ImageRecord importRootfs(InputStream tar, NewImage how) {
        byte[] head = new byte[2];
        Descriptor layer = writeBlob(MediaTypes.OCI_LAYER, out -> {
            byte[] buffer = new byte[64 * 1024];
            int total = 0;
            for (int n; (n = tar.read(buffer)) > 0; ) {
                if (total < 2) {
                    System.arraycopy(buffer, 0, head, total, Math.min(2 - total, n));
                }
                total += n;
                out.write(buffer, 0, n);
            }
        });
        boolean gzip = (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        Descriptor typed = new Descriptor(gzip ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER, layer.digest(), layer.size());
        return record(typed, null, how, "gantry import");
    }

    private ImageRecord record(Descriptor layer, @Nullable Parent parent, NewImage how, String createdBy) {
        ChainId parentChain = parent == null || parent.record().layers().isEmpty() ? null
                : parent.record().layers().get(parent.record().layers().size() - 1);
        LayerUnpacker.Unpacked unpacked = unpacker.unpackOnto(parentChain, layer);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> diffIds = new ArrayList<>(parent == null ? List.of() : parent.config().rootfs().diffIds());
        diffIds.add(unpacked.diffId().toString());
        List<ImageConfig.History> history = new ArrayList<>(parent == null ? List.of() : parent.config().history());
        history.add(new ImageConfig.History(now, createdBy, how.author().isEmpty() ? null : how.author(),
                how.comment().isEmpty() ? null : how.comment(), false));
        ImageConfig.ContainerConfig base = parent != null && parent.config().config() != null ? parent.config().config()
                : new ImageConfig.ContainerConfig(null, null, null, null, null, null, null, null, null, null);
        ImageConfig config = new ImageConfig(now, how.author().isEmpty() ? null : how.author(),
                parent == null ? platform.architecture() : parent.config().architecture(),
                parent == null ? platform.os() : parent.config().os(), parent == null ? null : parent.config().variant(),
                ConfigChanges.apply(base, how.changes()), new ImageConfig.RootFs("layers", diffIds), history);
        Descriptor configBlob = putBytes(MediaTypes.OCI_CONFIG, OciJson.write(config));
        List<OciDescriptor> layers = new ArrayList<>(parent == null ? List.of() : parent.manifest().layers());
        layers.add(OciDescriptor.of(layer));
        Descriptor manifest = putBytes(MediaTypes.OCI_MANIFEST,
                OciJson.write(Manifest.of(MediaTypes.OCI_MANIFEST, OciDescriptor.of(configBlob), layers)));
        List<ChainId> chains = new ArrayList<>(parent == null ? List.of() : parent.record().layers());
        chains.add(unpacked.chain());
        List<Long> sizes = new ArrayList<>(parent == null ? List.of() : parent.record().layerSizes());
        sizes.add(unpacked.bytes());
        return new ImageRecord(configBlob.digest(), manifest, List.of(), List.of(), Instant.now(), chains, sizes);
    }

    interface BlobBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams a blob into the store, naming it by the digest of what was written. */
    Descriptor writeBlob(String mediaType, BlobBody body) {
        try (BlobWriter writer = content.writer("local-" + UUID.randomUUID())) {
            MessageDigest sha = Digest.newSha256();
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    writer.write(bytes, offset, length);
                    sha.update(bytes, offset, length);
                }
            };
            body.writeTo(out);
            long size = writer.status();
            Digest digest = Digest.fromHash(sha.digest());
            writer.commit(size, digest);
            return new Descriptor(mediaType, digest, size);
        } catch (IOException e) {
            throw new FailedPreconditionException("write " + mediaType + " blob: " + e.getMessage(), e);
        }
    }

    Descriptor putBytes(String mediaType, byte[] bytes) {
        return writeBlob(mediaType, out -> out.write(bytes));
    }
}
