package io.gantry.console.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What an uploaded tarball holds, read from its entry names (gzip or not): a {@code docker save} archive has a
 * top-level {@code manifest.json}, an OCI image layout an {@code oci-layout}; any other tar is a root filesystem.
 * What is not a readable tar at all is left to the engine, whose refusal says why.
 */
enum TarballKind {
    IMAGE_ARCHIVE, ROOT_FILESYSTEM, NOT_A_TAR;

    /** An image archive names its manifest among its first entries; a root filesystem is not read to its end. */
    private static final int ENTRIES_LOOKED_AT = 4096;

    static TarballKind of(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return of(new TarArchiveInputStream(in));
            } catch (ZipException notGzip) {
                return NOT_A_TAR;
            }
        }
    }

    private static TarballKind of(TarArchiveInputStream tar) {
        int entries = 0;
        try {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null && entries < ENTRIES_LOOKED_AT;
                 entry = tar.getNextEntry(), entries++) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (name.equals("manifest.json") || name.equals("oci-layout")) {
                    return IMAGE_ARCHIVE;
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // a cut or damaged tar after its first entries: no image archive; the engine judges the rest
        }
        return entries == 0 ? NOT_A_TAR : ROOT_FILESYSTEM;
    }
}
