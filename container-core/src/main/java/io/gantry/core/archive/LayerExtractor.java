package io.gantry.core.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks one layer (tar or tar+gzip, detected by its magic) into its own directory in overlayfs form: {@code .wh.NAME}
 * becomes a character device 0:0 named NAME, {@code .wh..wh..opq} the xattr {@code trusted.overlay.opaque=y} on its
 * directory. Ownership, modes with setuid/setgid/sticky bits, xattrs, hard links, symlinks, FIFOs and device nodes are
 * kept.
 *
 * <p>Every archive is treated as hostile (CVE-2014-6407, CVE-2014-9356, CVE-2021-32760): names are cleaned and may not
 * climb out; parents must be real directories, so nothing is written through a symlink, including one planted earlier
 * in the same archive; an existing symlink at an entry's place is replaced, never followed; hard links must point at an
 * extracted non-directory inside the layer; metadata calls never follow a final symlink. Limits on bytes and entries
 * are checked before each entry is written. On any failure the directory may hold a partial layer, which the caller
 * discards.
 *
 * <p>Without root (tests, rootless use) ownership, device nodes and non-{@code user.} xattrs are skipped, and
 * whiteouts are refused because overlayfs needs them as device nodes.
 */
public final class LayerExtractor {

    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String PAX_XATTR = "SCHILY.xattr.";
    /** Header blocks per entry (PAX and long-name headers included) allowed on top of the content limit. */
    private static final long HEADER_ALLOWANCE = 16 * 1024;

    private final ExtractionLimits limits;
    private final boolean privileged;

    public LayerExtractor(ExtractionLimits limits, boolean privileged) {
        this.limits = limits;
        this.privileged = privileged;
    }

    /** An extractor that keeps ownership and device nodes exactly when this process runs as root. */
    public static LayerExtractor forCurrentUser(ExtractionLimits limits) {
        return new LayerExtractor(limits, isRoot());
    }

    /**
     * Extracts {@code layer} into {@code directory}, which must exist (normally empty). Reads the stream to its end and
     * returns the DiffID of the uncompressed tar.
     *
     * @throws UnsafeArchiveException       an entry would escape the directory
     * @throws LayerLimitExceededException  the layer is larger than the limits
     */
    public LayerSummary extract(InputStream layer, Path directory) throws IOException {
        return extract(layer, new LayerTree(directory.toRealPath()), false);
    }

    /**
     * Extracts an archive a user copies into a container ({@code docker cp}) into {@code directory}, an existing
     * directory reached without any symlink and used as it is given (it may be {@code /proc/<pid>/root/…} or a
     * detached mount, which resolving would turn into a host path). The same rules hold as for layers, except that
     * {@code .wh.} names are plain files, and with {@code noOverwriteDirNonDir} no non-directory is replaced by a
     * directory either (Docker's option of that name; a directory is never replaced by a non-directory).
     */
    public LayerSummary extractCopy(InputStream archive, Path directory, boolean noOverwriteDirNonDir) throws IOException {
        return extract(archive, new LayerTree(directory, noOverwriteDirNonDir), true);
    }

    private LayerSummary extract(InputStream layer, LayerTree tree, boolean copy) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(new KeptOpen(layer), 64 * 1024);
        InputStream tarStream = isGzip(buffered) ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
        long streamCap = limits.maxBytes() + (limits.maxEntries() + 2) * HEADER_ALLOWANCE;
        HashingInputStream hashing = new HashingInputStream(tarStream, streamCap);
        Extraction extraction = new Extraction(tree, copy);
        // inflating and hashing on one thread, creating files on this one
        try (ReadAheadInputStream ahead = new ReadAheadInputStream(hashing)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(ahead);
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                extraction.entry(tar, entry);
            }
            extraction.finishDirectories();
            ahead.transferTo(OutputStream.nullOutputStream()); // padding after the end-of-archive blocks is in the DiffID
        }
        return new LayerSummary(hashing.digest(), extraction.entries, extraction.bytes);
    }

    /** The caller's stream, which extraction reads to its end but leaves for the caller to close. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller's
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** Whether {@code dir} is an opaque directory of an overlay layer (its lower layers' children hidden). */
    public static boolean isOpaque(Path dir) {
        try {
            byte[] value = Libc.lgetxattr(dir.toString(), OPAQUE_XATTR);
            return value != null && value.length == 1 && value[0] == 'y';
        } catch (IOException unsupported) {
            return false; // a filesystem without trusted xattrs holds no opaque directories
        }
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.startsWith("Uid:") && line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The state of one extraction. */
    private final class Extraction {
        private final LayerTree tree;
        /** A user's copy into a container: {@code .wh.} names are plain files there. */
        private final boolean copy;
        private final Deque<DeferredDirectory> directories = new ArrayDeque<>();
        long entries;
        long bytes;

        Extraction(LayerTree tree, boolean copy) {
            this.tree = tree;
            this.copy = copy;
        }

        void entry(InputStream content, TarArchiveEntry entry) throws IOException {
            if (++entries > limits.maxEntries()) {
                throw new LayerLimitExceededException("layer has more than " + limits.maxEntries() + " entries");
            }
            String name = entry.getName();
            List<String> parts = LayerTree.components(name);
            if (parts.isEmpty()) {
                return; // the layer root itself: its metadata belongs to the snapshot, not the image
            }
            String base = parts.get(parts.size() - 1);
            if (base.startsWith(WHITEOUT_PREFIX) && !copy) {
                whiteout(name, parts, base, entry);
                return;
            }
            Path target = tree.prepareParents(name, parts);
            boolean existingDirectory = tree.clear(target, entry.isDirectory(), name);
            if (entry.isDirectory()) {
                if (!existingDirectory) {
                    Files.createDirectory(target);
                }
                tree.addDirectory(target);
                setOwnerAndXattrs(target, entry);
                directories.push(new DeferredDirectory(target, entry.getMode() & 07777, entry.getLastModifiedTime().toInstant()));
                return;
            }
            if (entry.isLink()) {
                Files.createLink(target, tree.linkTarget(name, entry.getLinkName()));
                return; // a hard link shares its target's metadata
            }
            if (!create(target, entry, content, name)) {
                return;
            }
            setOwnerAndXattrs(target, entry);
            if (!entry.isSymbolicLink()) {
                Libc.chmod(target.toString(), entry.getMode() & 07777);
            }
            stamp(target, entry.getLastModifiedTime().toInstant());
        }

        /** Creates the non-directory; false when the entry is skipped. */
        private boolean create(Path target, TarArchiveEntry entry, InputStream content, String name) throws IOException {
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                if (!privileged) {
                    return false; // device nodes need root; rootless extraction goes without them
                }
                int type = entry.isCharacterDevice() ? Libc.S_IFCHR : Libc.S_IFBLK;
                Libc.mknod(target.toString(), type | 0600, entry.getDevMajor(), entry.getDevMinor());
            } else if (entry.isFIFO()) {
                Libc.mknod(target.toString(), Libc.S_IFIFO | 0600, 0, 0);
            } else if (entry.isFile()) {
                writeFile(target, entry, content, name);
            } else {
                return false; // unknown or metadata-only types carry nothing to extract
            }
            return true;
        }

        private void writeFile(Path target, TarArchiveEntry entry, InputStream content, String name) throws IOException {
            long size = Math.max(entry.getSize(), entry.getRealSize());
            if (size > limits.maxBytes() - bytes) {
                throw new LayerLimitExceededException("layer exceeds " + limits.maxBytes() + " bytes at '" + name + "' ("
                        + size + " bytes after " + bytes + ")");
            }
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    bytes += n;
                    if (bytes > limits.maxBytes()) {
                        throw new LayerLimitExceededException("layer exceeds " + limits.maxBytes() + " bytes at '" + name + "'");
                    }
                    out.write(buffer, 0, n);
                }
            }
        }

        private void whiteout(String name, List<String> parts, String base, TarArchiveEntry entry) throws IOException {
            Path place = tree.prepareParents(name, parts);
            if (base.equals(OPAQUE_MARKER)) {
                requirePrivileged(name);
                Libc.lsetxattr(place.getParent().toString(), OPAQUE_XATTR, new byte[] {'y'});
                return;
            }
            if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                return; // other .wh..wh.* names (AUFS hard-link metadata) are never materialised
            }
            String hidden = base.substring(WHITEOUT_PREFIX.length());
            if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
                throw new UnsafeArchiveException("whiteout '" + name + "' names no file");
            }
            requirePrivileged(name);
            Path target = place.resolveSibling(hidden);
            tree.clear(target, false, name);
            Libc.mknod(target.toString(), Libc.S_IFCHR, 0, 0);
            Libc.lchown(target.toString(), (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        }

        private void requirePrivileged(String name) throws IOException {
            if (!privileged) {
                throw new IOException("layer whiteout '" + name + "' needs root: overlayfs whiteouts are device nodes "
                        + "and opaque directories trusted xattrs");
            }
        }

        private void setOwnerAndXattrs(Path target, TarArchiveEntry entry) throws IOException {
            if (privileged) {
                Libc.lchown(target.toString(), (int) entry.getLongUserId(), (int) entry.getLongGroupId());
            }
            for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
                if (!header.getKey().startsWith(PAX_XATTR)) {
                    continue;
                }
                String xattr = header.getKey().substring(PAX_XATTR.length());
                if (xattr.startsWith("trusted.overlay.") || xattr.startsWith("user.overlay.")) {
                    continue; // overlay's own markers come only from whiteout entries, never from an image's say-so
                }
                if (privileged || xattr.startsWith("user.")) {
                    Libc.lsetxattr(target.toString(), xattr, header.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        /** Directories get their mode and time last: creating children changes a directory's mtime. */
        void finishDirectories() throws IOException {
            while (!directories.isEmpty()) {
                DeferredDirectory directory = directories.pop();
                Libc.chmod(directory.path.toString(), directory.mode);
                stamp(directory.path, directory.modified);
            }
        }

        private void stamp(Path target, Instant modified) throws IOException {
            Libc.lutimes(target.toString(), modified.getEpochSecond(), modified.getNano());
        }
    }

    private record DeferredDirectory(Path path, int mode, Instant modified) {
    }
}
