package io.gantry.console.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * What an uploaded tarball holds, read from its entry names (gzip or not): a {@code docker save} archive has a
 * top-level {@code manifest.json}, an OCI image layout an {@code oci-layout}; any other tar is a root filesystem.
 * What is not a readable tar at all is left to the engine, whose refusal says why.
 */
enum TarballKind {
    IMAGE_ARCHIVE, ROOT_FILESYSTEM, NOT_A_TAR;

    private static final int BLOCK = 512;
    /** An image archive names its manifest among its first entries; a root filesystem is not read to its end. */
    private static final int ENTRIES_LOOKED_AT = 4096;

    static TarballKind of(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return of(in);
            } catch (java.util.zip.ZipException notGzip) {
                return NOT_A_TAR;
            }
        }
    }

    private static TarballKind of(InputStream in) throws IOException {
        byte[] header = new byte[BLOCK];
        for (int entries = 0; entries < ENTRIES_LOOKED_AT; entries++) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                return entries == 0 ? NOT_A_TAR : ROOT_FILESYSTEM;
            }
            if (isZero(header)) {
                return entries == 0 ? NOT_A_TAR : ROOT_FILESYSTEM;
            }
            if (!checksumMatches(header)) {
                return NOT_A_TAR;
            }
            String name = text(header, 345, 155).isEmpty() ? text(header, 0, 100)
                    : text(header, 345, 155) + "/" + text(header, 0, 100);
            name = name.startsWith("./") ? name.substring(2) : name;
            if (name.equals("manifest.json") || name.equals("oci-layout")) {
                return IMAGE_ARCHIVE;
            }
            try {
                long size = octal(header, 124, 12);
                in.skipNBytes((size + BLOCK - 1) / BLOCK * BLOCK);
            } catch (NumberFormatException | java.io.EOFException hugeOrCut) {
                // a base-256 size (a file past 8 GiB) or a cut tar: no image archive; the engine judges the rest
                return ROOT_FILESYSTEM;
            }
        }
        return ROOT_FILESYSTEM;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The header checksum: the sum of its bytes with the checksum field itself counted as spaces. */
    private static boolean checksumMatches(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        try {
            return sum == octal(header, 148, 8);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).strip();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
