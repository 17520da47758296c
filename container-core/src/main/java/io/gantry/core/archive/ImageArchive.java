package io.gantry.core.archive;

import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.DigestMismatchException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;

/**
 * An image archive ({@code docker save} output of any Docker version, skopeo's {@code docker-archive}, or an OCI image
 * layout as a tarball) read from an untrusted stream. Nothing of it is unpacked on disk: every regular file goes into
 * the verifying content store as a blob, and the archive becomes a map from cleaned entry names to those blobs. A file
 * named {@code blobs/sha256/<hex>} must hash to its name (CVE-2014-9358: names are never trusted as digests).
 * Symbolic and hard links between entries (older {@code docker save} and skopeo link shared layers) are kept as
 * aliases, resolved by name inside the archive only. Directories are ignored; device nodes and FIFOs are refused.
 *
 * <p>The limits bound the whole archive's (uncompressed) bytes and entries while it streams. On failure the blobs
 * already stored are unreferenced and left to garbage collection.
 */
public final class ImageArchive {

    /** Manifests, indexes, configs and the legacy JSON files are read into memory, each up to this size. */
    public static final int MAX_METADATA = 16 << 20;
    private static final int MAX_LINK_HOPS = 16;
    private static final Pattern BLOB = Pattern.compile("blobs/sha256/([^/]+)");

    private final Map<String, Descriptor> files;
    private final Map<String, String> links;
    private final ContentStore content;

    private ImageArchive(Map<String, Descriptor> files, Map<String, String> links, ContentStore content) {
        this.files = Map.copyOf(files);
        this.links = Map.copyOf(links);
        this.content = content;
    }

    /**
     * Reads a tar (or tar+gzip) archive to its end, storing each regular file in {@code content}.
     *
     * @throws UnsafeArchiveException      an entry name climbs out, repeats, or is of a type an image archive never holds
     * @throws LayerLimitExceededException the archive is larger than the limits
     * @throws DigestMismatchException     a {@code blobs/sha256/} file does not hash to its name
     */
    public static ImageArchive read(InputStream in, ContentStore content, ExtractionLimits limits) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(4);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 'B' && second == 'Z' || first == 0xfd && second == '7') {
            throw new UnsafeArchiveException("the archive is bzip2 or xz compressed; only tar and tar+gzip archives load");
        }
        InputStream tarStream = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
        Map<String, Descriptor> files = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        Set<String> seen = new HashSet<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream);
        long entries = 0;
        long bytes = 0;
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            if (++entries > limits.maxEntries()) {
                throw new LayerLimitExceededException("image archive has more than " + limits.maxEntries() + " entries");
            }
            String name = clean(entry.getName(), entry.getName());
            if (entry.isDirectory() || name.isEmpty()) {
                continue;
            }
            if (!seen.add(name)) {
                throw new UnsafeArchiveException("image archive holds '" + name + "' twice");
            }
            if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                throw new UnsafeArchiveException("image archive entry '" + name + "' is a device or FIFO");
            }
            if (entry.isSymbolicLink()) {
                String target = entry.getLinkName();
                String base = target.startsWith("/") ? "" : parentOf(name);
                links.put(name, clean(base.isEmpty() ? target : base + "/" + target, name + " -> " + target));
            } else if (entry.isLink()) {
                links.put(name, clean(entry.getLinkName(), name + " => " + entry.getLinkName()));
            } else if (entry.isFile()) {
                long size = Math.max(entry.getSize(), entry.getRealSize());
                if (size > limits.maxBytes() - bytes) {
                    throw new LayerLimitExceededException("image archive exceeds " + limits.maxBytes() + " bytes at '" + name
                            + "' (" + size + " bytes after " + bytes + ")");
                }
                Descriptor stored = store(tar, name, content, limits.maxBytes() - bytes);
                bytes += stored.size();
                files.put(name, stored);
            } else {
                throw new UnsafeArchiveException("image archive entry '" + name + "' is of a type image archives never hold");
            }
        }
        return new ImageArchive(files, links, content);
    }

    /** Whether {@code path} names a file (or a link to one) in the archive. */
    public boolean has(String path) {
        try {
            return resolve(path).isPresent();
        } catch (UnsafeArchiveException e) {
            return false;
        }
    }

    /**
     * The blob stored for {@code path}, a name as the archive's own JSON gives it ({@code blobs/sha256/…},
     * {@code <id>/layer.tar}); links are followed inside the archive.
     *
     * @throws UnsafeArchiveException the path climbs out of the archive, or links loop
     * @throws java.nio.file.NoSuchFileException the archive has no such file
     */
    public Descriptor file(String path) throws IOException {
        return resolve(path).orElseThrow(() -> new java.nio.file.NoSuchFileException(
                "the archive has no file '" + path + "'"));
    }

    /** The archive's blob {@code blobs/sha256/<hex of digest>}, if it holds one. */
    public Optional<Descriptor> blob(Digest digest) {
        return Optional.ofNullable(files.get("blobs/sha256/" + digest.hex()));
    }

    /** The bytes of a small file (a manifest, config, index); larger than {@link #MAX_METADATA} is refused. */
    public byte[] read(String path) throws IOException {
        return read(file(path), path);
    }

    /** The bytes of a stored blob of this archive, at most {@link #MAX_METADATA} of them. */
    public byte[] read(Descriptor blob, String what) throws IOException {
        if (blob.size() > MAX_METADATA) {
            throw new UnsafeArchiveException("'" + what + "' is " + blob.size() + " bytes, more than the "
                    + MAX_METADATA + " a manifest, index or config may have");
        }
        try (InputStream in = content.open(blob.digest())) {
            return in.readAllBytes();
        }
    }

    private Optional<Descriptor> resolve(String path) throws UnsafeArchiveException {
        String current = clean(path, path);
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            Descriptor file = files.get(current);
            if (file != null) {
                return Optional.of(file);
            }
            String next = links.get(current);
            if (next == null) {
                return Optional.empty();
            }
            current = next;
        }
        throw new UnsafeArchiveException("links in the archive loop at '" + path + "'");
    }

    /** Streams one entry into the store; a {@code blobs/sha256/} name is the digest the content must have. */
    private static Descriptor store(InputStream entry, String name, ContentStore content, long cap) throws IOException {
        @Nullable Digest named = namedDigest(name);
        try (BlobWriter writer = content.writer("load-" + UUID.randomUUID())) {
            MessageDigest sha = Digest.newSha256();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = entry.read(buffer)) > 0; ) {
                size += n;
                if (size > cap) {
                    throw new LayerLimitExceededException("image archive exceeds its byte limit at '" + name + "'");
                }
                sha.update(buffer, 0, n);
                writer.write(buffer, 0, n);
            }
            Digest actual = Digest.fromHash(sha.digest());
            if (named != null && !named.equals(actual)) {
                throw new DigestMismatchException("image archive file '" + name + "' hashes to " + actual
                        + ", not to the digest its name gives", named);
            }
            writer.commit(size, actual);
            return new Descriptor("application/octet-stream", actual, size);
        }
    }

    private static @Nullable Digest namedDigest(String name) throws UnsafeArchiveException {
        Matcher blob = BLOB.matcher(name);
        if (!blob.matches()) {
            return null;
        }
        try {
            return new Digest(Digest.SHA256, blob.group(1));
        } catch (IllegalArgumentException e) {
            throw new UnsafeArchiveException("image archive file '" + name + "' is not named by a sha256 digest");
        }
    }

    /** A name with {@code .} and empty components removed; {@code ..} may not climb above the archive's root. */
    static String clean(String name, String shown) throws UnsafeArchiveException {
        try {
            return String.join("/", LayerTree.components(name));
        } catch (UnsafeArchiveException e) {
            throw new UnsafeArchiveException("image archive entry '" + shown + "' climbs out of the archive");
        }
    }

    private static String parentOf(String name) {
        List<String> parts = List.of(name.split("/"));
        return String.join("/", parts.subList(0, parts.size() - 1));
    }
}
