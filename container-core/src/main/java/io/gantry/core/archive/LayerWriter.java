package io.gantry.core.archive;

import io.gantry.core.content.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a directory tree as an uncompressed tar layer: names sorted (so the same tree always gives the same
 * DiffID), owners, modes, times, symlinks, hard links, device nodes and FIFOs kept; nothing is ever followed. For
 * {@code commit}, overlayfs's markers are turned back into OCI whiteouts: a character device 0/0 becomes an empty
 * {@code .wh.<name>}, a directory with {@code trusted.overlay.opaque=y} gets a {@code .wh..wh..opq} entry. Extended
 * attributes are not yet written.
 */
public final class LayerWriter {

    private static final int S_IFMT = 0170000;

    /** What to do with overlayfs whiteouts found in the tree. */
    public enum Whiteouts {
        /** Write them as OCI {@code .wh.} entries: an overlay upper directory becoming a layer. */
        TO_OCI,
        /** Write device nodes as device nodes: a plain filesystem (export of a merged rootfs). */
        AS_FOUND
    }

    private final Whiteouts whiteouts;

    public LayerWriter(Whiteouts whiteouts) {
        this.whiteouts = whiteouts;
    }

    /** Writes {@code root}'s contents (not {@code root} itself) to {@code out}, which stays open; returns the DiffID. */
    public Digest write(Path root, OutputStream out) throws IOException {
        Hashing hashing = new Hashing(out);
        TarArchiveOutputStream tar = tar(hashing);
        walk(root, "", new Output(tar, new HashMap<>(), Set.of()));
        tar.finish();
        tar.flush();
        return Digest.fromHash(hashing.sha.digest());
    }

    /**
     * Writes {@code path} itself, and everything below it if it is a directory, named {@code name} in the tar (as
     * {@code docker cp} out of a container names what it copies); {@code out} stays open. A final symlink is written
     * as a link, never followed. Directories in {@code emptied} are written without their contents (the kernel's
     * filesystems mounted in a running container).
     */
    public void writeTree(Path path, String name, Set<Path> emptied, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = tar(out);
        write(path, name, new Output(tar, new HashMap<>(), emptied));
        tar.finish();
        tar.flush();
    }

    private static TarArchiveOutputStream tar(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        return tar;
    }

    /** Where entries go: the tar, the first name of each hard-linked inode, directories whose contents are left out. */
    private record Output(TarArchiveOutputStream tar, Map<String, String> inodes, Set<Path> emptied) {
    }

    /** Writes the children of {@code dir}, each named {@code prefix} + its name. */
    private void walk(Path dir, String prefix, Output output) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            write(child, prefix + child.getFileName(), output);
        }
    }

    private void write(Path path, String name, Output output) throws IOException {
        TarArchiveOutputStream tar = output.tar();
        Map<String, Object> attrs = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attrs.get("mode");
        int type = mode & S_IFMT;
        if (type == 0040000) {
            tar.putArchiveEntry(entry(name + "/", TarConstants.LF_DIR, attrs));
            tar.closeArchiveEntry();
            if (whiteouts == Whiteouts.TO_OCI && LayerExtractor.isOpaque(path)) {
                tar.putArchiveEntry(whiteout(name + "/" + LayerExtractor.OPAQUE_MARKER, attrs));
                tar.closeArchiveEntry();
            }
            if (!output.emptied().contains(path.normalize())) {
                walk(path, name + "/", output);
            }
        } else if (type == 0020000 && whiteouts == Whiteouts.TO_OCI && (Long) attrs.get("rdev") == 0L) {
            int slash = name.lastIndexOf('/');
            String marker = LayerExtractor.WHITEOUT_PREFIX + name.substring(slash + 1);
            tar.putArchiveEntry(whiteout(name.substring(0, slash + 1) + marker, attrs));
            tar.closeArchiveEntry();
        } else {
            writeNonDirectory(path, name, type, attrs, tar, output.inodes());
        }
    }

    private static void writeNonDirectory(Path file, String name, int type, Map<String, Object> attrs,
                                          TarArchiveOutputStream tar, Map<String, String> inodes) throws IOException {
        if (type == 0100000 && (Integer) attrs.get("nlink") > 1) {
            String inode = attrs.get("dev") + ":" + attrs.get("ino");
            String first = inodes.putIfAbsent(inode, name);
            if (first != null) {
                TarArchiveEntry link = entry(name, TarConstants.LF_LINK, attrs);
                link.setLinkName(first);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
                return;
            }
        }
        TarArchiveEntry entry;
        switch (type) {
            case 0100000 -> {
                entry = entry(name, TarConstants.LF_NORMAL, attrs);
                entry.setSize((Long) attrs.get("size"));
            }
            case 0120000 -> {
                entry = entry(name, TarConstants.LF_SYMLINK, attrs);
                entry.setLinkName(Files.readSymbolicLink(file).toString());
            }
            case 0020000, 0060000 -> {
                entry = entry(name, type == 0020000 ? TarConstants.LF_CHR : TarConstants.LF_BLK, attrs);
                long rdev = (Long) attrs.get("rdev");
                entry.setDevMajor((int) (((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL)));
                entry.setDevMinor((int) ((rdev & 0xff) | ((rdev >> 12) & ~0xffL)));
            }
            case 0010000 -> entry = entry(name, TarConstants.LF_FIFO, attrs);
            default -> {
                return; // sockets and the like belong to a running system, not to a layer
            }
        }
        tar.putArchiveEntry(entry);
        if (type == 0100000) {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte type, Map<String, Object> attrs) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode((Integer) attrs.get("mode") & 07777);
        entry.setUserId((Integer) attrs.get("uid"));
        entry.setGroupId((Integer) attrs.get("gid"));
        entry.setModTime(((java.nio.file.attribute.FileTime) attrs.get("lastModifiedTime")).toMillis());
        return entry;
    }

    private static TarArchiveEntry whiteout(String name, Map<String, Object> attrs) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, attrs);
        entry.setMode(0644);
        entry.setSize(0);
        return entry;
    }

    /** Hashes what it passes on: the DiffID of the layer as written. */
    private static final class Hashing extends FilterOutputStream {
        final MessageDigest sha = Digest.newSha256();

        Hashing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            sha.update(bytes, offset, length);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
