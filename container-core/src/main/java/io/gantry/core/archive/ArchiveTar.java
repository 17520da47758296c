package io.gantry.core.archive;

import io.gantry.core.content.ContentReader;
import io.gantry.core.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writing image archives: the {@code blobs/sha256/} tree of an OCI image layout, each blob once, plus top-level files.
 * Entries are root-owned with fixed modes and time 0, so the same images always give the same archive.
 */
final class ArchiveTar {

    static final String OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";

    private final TarArchiveOutputStream tar;
    private final Set<Digest> written = new java.util.HashSet<>();

    /** Starts an archive on {@code out} (left open) with the {@code blobs/sha256/} directories. */
    ArchiveTar(OutputStream out) throws IOException {
        tar = new TarArchiveOutputStream(out, 64 * 1024);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (String dir : List.of("blobs/", "blobs/sha256/")) {
            TarArchiveEntry entry = new TarArchiveEntry(dir);
            entry.setMode(040755);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
    }

    /** Whether the blob was written already (or is being written now); marks it written. */
    boolean firstTime(Digest digest) {
        return written.add(digest);
    }

    void blob(Digest digest, byte[] bytes) throws IOException {
        if (firstTime(digest)) {
            tar.putArchiveEntry(entry(blobName(digest), bytes.length));
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
    }

    /** Copies a blob of the content store as it is stored. */
    void storedBlob(ContentReader content, Digest digest, long size) throws IOException {
        if (firstTime(digest)) {
            streamedBlob(digest, size, content.open(digest));
        }
    }

    /** Writes {@code size} bytes from {@code in} (closed afterwards) as the blob {@code digest}. */
    void streamedBlob(Digest digest, long size, InputStream in) throws IOException {
        tar.putArchiveEntry(entry(blobName(digest), size));
        try (in) {
            long copied = in.transferTo(tar);
            if (copied != size) {
                throw new IOException("blob " + digest + " gave " + copied + " bytes, " + size + " were expected");
            }
        }
        tar.closeArchiveEntry();
    }

    void file(String name, byte[] bytes) throws IOException {
        tar.putArchiveEntry(entry(name, bytes.length));
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    void ociLayout() throws IOException {
        file("oci-layout", OCI_LAYOUT.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the archive; the underlying stream stays open. */
    void finish() throws IOException {
        tar.finish();
        tar.flush();
    }

    static String blobName(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }

    static byte[] read(ContentReader content, Digest digest) throws IOException {
        try (InputStream in = content.open(digest)) {
            return in.readAllBytes();
        }
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0644);
        entry.setModTime(0);
        return entry;
    }
}
