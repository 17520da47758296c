package io.gantry.core.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A {@link ContentStore} on the local file system: committed blobs at {@code blobs/sha256/<hex>}, writes in progress
 * at {@code ingest/<sha256 of the ref>/data}. A blob appears in {@code blobs/} only through an atomic rename after
 * its digest and size were checked and its data fsynced, so readers never see partial content, even after a crash.
 */
public final class FileContentStore implements ContentStore {

    private final Path blobs;
    private final Path ingest;
    private final Set<String> activeRefs = ConcurrentHashMap.newKeySet();

    private FileContentStore(Path root) {
        this.blobs = root.resolve("blobs").resolve(Digest.SHA256);
        this.ingest = root.resolve("ingest");
    }

    /**
     * Opens (creating if needed) the store under {@code root} and removes every ingest leftover: at open no writer can
     * be active, so anything in the ingest area belongs to a write that was interrupted.
     */
    public static FileContentStore open(Path root) throws IOException {
        FileContentStore store = new FileContentStore(root);
        Files.createDirectories(store.blobs);
        Files.createDirectories(store.ingest);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.ingest)) {
            for (Path leftover : leftovers) {
                deleteTree(leftover);
            }
        }
        return store;
    }

    @Override
    public Optional<ContentInfo> info(Digest digest) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(blobPath(digest), BasicFileAttributes.class);
            return Optional.of(new ContentInfo(digest, attrs.size(), attrs.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        return Files.newInputStream(blobPath(digest));
    }

    @Override
    public BlobWriter writer(String ref) throws IOException {
        String key = ingestKey(ref);
        if (!activeRefs.add(key)) {
            throw new IngestConflictException("content ingest '" + ref + "' is already being written");
        }
        try {
            Path dir = ingest.resolve(key);
            Files.createDirectory(dir);
            FileChannel channel = FileChannel.open(dir.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new FileBlobWriter(ref, key, dir, channel);
        } catch (FileAlreadyExistsException e) {
            activeRefs.remove(key);
            throw new IngestConflictException("content ingest '" + ref + "' is already being written");
        } catch (IOException | RuntimeException e) {
            activeRefs.remove(key);
            throw e;
        }
    }

    @Override
    public void abort(String ref) throws IOException {
        String key = ingestKey(ref);
        deleteTree(ingest.resolve(key));
        activeRefs.remove(key);
    }

    @Override
    public void walk(Consumer<ContentInfo> visitor) throws IOException {
        try (Stream<Path> files = Files.list(blobs)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Digest digest;
                try {
                    digest = new Digest(Digest.SHA256, file.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    continue; // not a blob of ours; never hand out a name that is not a digest
                }
                info(digest).ifPresent(visitor);
            }
        }
    }

    @Override
    public boolean delete(Digest digest) throws IOException {
        return Files.deleteIfExists(blobPath(digest));
    }

    private Path blobPath(Digest digest) {
        return blobs.resolve(digest.hex());
    }

    /** Refs are caller text; their hash is a safe directory name whatever they contain. */
    private static String ingestKey(String ref) {
        return Digest.of(ref.getBytes(StandardCharsets.UTF_8)).hex();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private final class FileBlobWriter implements BlobWriter {
        private final String ref;
        private final String key;
        private final Path dir;
        private final FileChannel channel;
        private final MessageDigest sha = Digest.newSha256();
        private long written;
        private boolean done;

        FileBlobWriter(String ref, String key, Path dir, FileChannel channel) {
            this.ref = ref;
            this.key = key;
            this.dir = dir;
            this.channel = channel;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (done) {
                throw new IllegalStateException("content ingest '" + ref + "' is already finished");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            sha.update(bytes, offset, length);
            written += length;
        }

        @Override
        public long status() {
            return written;
        }

        @Override
        public ContentInfo commit(long expectedSize, Digest expected) throws IOException {
            if (done) {
                throw new IllegalStateException("content ingest '" + ref + "' is already finished");
            }
            done = true;
            try {
                channel.force(true);
                channel.close();
                Digest actual = Digest.fromHash(sha.digest());
                if (written != expectedSize || !actual.equals(expected)) {
                    throw new DigestMismatchException("commit " + ref + ": expected " + expected + " (" + expectedSize
                            + " bytes), got " + actual + " (" + written + " bytes)", expected);
                }
                Path target = blobPath(expected);
                if (!Files.exists(target)) {
                    Files.move(dir.resolve("data"), target, StandardCopyOption.ATOMIC_MOVE);
                    syncDirectory(blobs);
                }
                return info(expected).orElseThrow(() -> new NoSuchFileException(target.toString()));
            } finally {
                cleanup();
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                channel.close();
                cleanup();
            }
        }

        private void cleanup() throws IOException {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
                deleteTree(dir);
            } finally {
                activeRefs.remove(key);
            }
        }
    }
}
