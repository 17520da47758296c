package io.gantry.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tarballs in memory for tests, hostile ones included. */
public final class TarBuilder {

    public static final Instant MTIME = Instant.parse("2024-01-02T03:04:05Z");

    private record Item(TarArchiveEntry entry, byte[] content) {
    }

    private final List<Item> items = new ArrayList<>();

    /** A builder holding every entry of {@code tar} (read to its end), to add more to. */
    public static TarBuilder fromTar(java.io.InputStream tar) throws IOException {
        TarBuilder builder = new TarBuilder();
        org.apache.commons.compress.archivers.tar.TarArchiveInputStream in =
                new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(tar);
        for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
            builder.items.add(new Item(entry, in.readAllBytes()));
        }
        return builder;
    }

    public TarBuilder dir(String name) {
        return dir(name, 0755);
    }

    public TarBuilder dir(String name, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
        entry.setMode(mode);
        return add(entry, new byte[0]);
    }

    public TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644, e -> { });
    }

    public TarBuilder file(String name, byte[] content, int mode, Consumer<TarArchiveEntry> customise) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
        entry.setSize(content.length);
        entry.setMode(mode);
        customise.accept(entry);
        return add(entry, content);
    }

    public TarBuilder symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(0777);
        return add(entry, new byte[0]);
    }

    public TarBuilder hardlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
        entry.setLinkName(target);
        return add(entry, new byte[0]);
    }

    public TarBuilder device(String name, byte type, int major, int minor) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setDevMajor(major);
        entry.setDevMinor(minor);
        entry.setMode(0660);
        return add(entry, new byte[0]);
    }

    public TarBuilder fifo(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_FIFO);
        entry.setMode(0600);
        return add(entry, new byte[0]);
    }

    /** An entry with PAX xattrs. */
    public TarBuilder fileWithXattrs(String name, String content, Map<String, String> xattrs) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644,
                e -> xattrs.forEach((key, value) -> e.addPaxHeader("SCHILY.xattr." + key, value)));
    }

    private TarBuilder add(TarArchiveEntry entry, byte[] content) {
        entry.setModTime(MTIME.toEpochMilli());
        items.add(new Item(entry, content));
        return this;
    }

    public byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes);
        return bytes.toByteArray();
    }

    public byte[] tarGz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writeTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void writeTo(OutputStream out) {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item item : items) {
                tar.putArchiveEntry(item.entry());
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
            tar.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
