package io.gantry.core.registry.debian;

import io.gantry.core.content.Digest;
import io.gantry.core.testing.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Built layers under {@code <root>/layers/<key>/} ({@code layer.tar.gz}, {@code diffid}, {@code digest} and what the
 * stage installed, {@code packages.txt}). An entry appears only by an atomic rename of a complete directory, so a
 * reader never sees half a layer. Builds run under one exclusive lock ({@code build.lock}: a POSIX file lock between
 * processes, a {@link ReentrantLock} between the threads of one JVM, which file locks do not separate); a builder
 * looks again once it holds the lock, so two test JVMs asking for the same image build it once and never write the
 * same files.
 */
final class LayerCache {

    /** One cached layer: its gzipped tar, its DiffID (uncompressed sha256) and its digest (compressed sha256). */
    record CachedLayer(String key, Path blob, Digest diffId, Digest digest, long size) {
    }

    /** Makes the layer's files in a fresh directory; the cache moves the directory into place. */
    interface Build {
        void into(Path directory) throws IOException, InterruptedException;
    }

    /** Work done holding the build lock. */
    interface Session<T> {
        T run() throws IOException, InterruptedException;
    }

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path root;

    LayerCache(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Optional<CachedLayer> find(String key) throws IOException {
        Path dir = layers().resolve(key);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path blob = dir.resolve("layer.tar.gz");
        return Optional.of(new CachedLayer(key, blob, Digest.parse(Files.readString(dir.resolve("diffid")).strip()),
                Digest.parse(Files.readString(dir.resolve("digest")).strip()), Files.size(blob)));
    }

    /**
     * Runs {@code session} holding the build lock, with a fresh scratch directory under the cache root (one
     * filesystem, so renames are atomic) that is deleted afterwards. What builds that were killed midway left is
     * removed first: while the lock is held no other build runs.
     */
    <T> T underBuildLock(Session<T> session) throws IOException, InterruptedException {
        Files.createDirectories(layers());
        IN_PROCESS.lockInterruptibly();
        try (FileChannel channel = FileChannel.open(root.resolve("build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            removeLeftovers();
            try {
                return session.run();
            } finally {
                FileTrees.delete(work());
            }
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** The scratch directory of the current build session; only valid under the build lock. */
    Path work() {
        return root.resolve("work");
    }

    /** Adds layer {@code key}, made by {@code build}, atomically; call under the build lock. */
    CachedLayer add(String key, Build build) throws IOException, InterruptedException {
        if (!IN_PROCESS.isHeldByCurrentThread()) {
            throw new IllegalStateException("layers are added under the build lock");
        }
        Path staging = Files.createTempDirectory(layers(), "." + key + ".partial-");
        try {
            build.into(staging);
            Files.move(staging, layers().resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.delete(staging);
        }
        return find(key).orElseThrow();
    }

    private Path layers() {
        return root.resolve("layers");
    }

    private void removeLeftovers() throws IOException {
        FileTrees.delete(work());
        try (var entries = Files.newDirectoryStream(layers(), ".*.partial-*")) {
            for (Path partial : entries) {
                FileTrees.delete(partial);
            }
        }
    }
}
