package io.gantry.core.registry.debian;

import io.gantry.core.content.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Built layers under {@code <root>/layers/<key>/} ({@code layer.tar.gz}, {@code diffid}, {@code digest} and what the
 * stage installed, {@code packages.txt}). An entry appears only by an atomic rename of a complete directory, so a
 * reader never sees half a layer. Builders take one exclusive lock ({@code build.lock}: a POSIX file lock between
 * processes, a {@link ReentrantLock} between threads of one JVM, which file locks do not separate) and look again
 * before building, so two test JVMs asking for the same image build it once and never write the same files.
 */
final class LayerCache {

    /** One cached layer: its gzipped tar, its DiffID (uncompressed sha256) and its digest (compressed sha256). */
    record CachedLayer(String key, Path blob, Digest diffId, Digest digest, long size) {
    }

    /** Makes the layer's files in a fresh directory; the cache moves the directory into place. */
    interface Build {
        void into(Path directory) throws IOException, InterruptedException;
    }

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path root;

    LayerCache(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A scratch directory for one build, under the cache root so renames stay on one filesystem. */
    Path newWorkDirectory() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(root.resolve("work")), "build-");
    }

    Optional<CachedLayer> find(String key) throws IOException {
        Path dir = root.resolve("layers").resolve(key);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path blob = dir.resolve("layer.tar.gz");
        return Optional.of(new CachedLayer(key, blob, Digest.parse(Files.readString(dir.resolve("diffid")).strip()),
                Digest.parse(Files.readString(dir.resolve("digest")).strip()), Files.size(blob)));
    }

    /** The layer of {@code key}, built by {@code build} (under the build lock) when no builder made it before. */
    CachedLayer get(String key, Build build) throws IOException, InterruptedException {
        Optional<CachedLayer> cached = find(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Files.createDirectories(root.resolve("layers"));
        IN_PROCESS.lockInterruptibly();
        try (FileChannel channel = FileChannel.open(root.resolve("build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            cached = find(key);
            if (cached.isPresent()) {
                return cached.get(); // another builder finished it while we waited
            }
            removeLeftovers();
            Path staging = Files.createTempDirectory(root.resolve("layers"), "." + key + ".partial-");
            try {
                build.into(staging);
                move(staging, root.resolve("layers").resolve(key));
            } finally {
                Trees.delete(staging);
            }
            return find(key).orElseThrow();
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** Under the build lock no build is running: whatever builds left is from one that was killed midway. */
    private void removeLeftovers() throws IOException {
        Trees.delete(root.resolve("work"));
        try (var entries = Files.newDirectoryStream(root.resolve("layers"), ".*.partial-*")) {
            for (Path partial : entries) {
                Trees.delete(partial);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("the layer cache must be on one filesystem", e);
        }
    }
}
