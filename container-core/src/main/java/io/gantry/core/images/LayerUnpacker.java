package io.gantry.core.images;

import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.LayerExtractor;
import io.gantry.core.archive.LayerSummary;
import io.gantry.core.content.ContentReader;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Snapshotter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Unpacks a layer blob from the content store into a staging directory of the snapshotter, checks its DiffID against
 * the config's, and commits it as the layer of its chain ID. A layer that fails any check never becomes visible.
 */
final class LayerUnpacker {

    private static final long PROGRESS_STEP = 512 * 1024;

    private final ContentReader content;
    private final Snapshotter snapshotter;
    private final LayerExtractor extractor;

    LayerUnpacker(ContentReader content, Snapshotter snapshotter, ExtractionLimits limits) {
        this.content = content;
        this.snapshotter = snapshotter;
        this.extractor = LayerExtractor.forCurrentUser(limits);
    }

    /** A layer blob extracted into a staging directory of the snapshotter, not yet committed. */
    record Staged(Digest blob, Path dir, LayerSummary summary) {
    }

    /**
     * Extracts {@code blob} into a new staging directory, reporting compressed bytes read. Layers are independent
     * directories (overlayfs stacks them later), so several can be staged at once, in any order.
     */
    Staged stage(Digest blob, long size, LongConsumer progress) {
        Path staging = snapshotter.newStagingDir();
        try (InputStream in = new Counting(content.open(blob), progress)) {
            LayerSummary summary = extractor.extract(in, staging);
            progress.accept(size);
            return new Staged(blob, staging, summary);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            if (e instanceof IOException io) {
                throw new FailedPreconditionException("unpack layer " + blob + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Commits a staged layer as {@code chain} when its DiffID is the config's {@code diffId}; the staging directory
     * is gone afterwards either way. Returns bytes of file content.
     */
    long commit(Staged staged, Digest diffId, ChainId chain) {
        try {
            if (!staged.summary().diffId().equals(diffId)) {
                throw new FailedPreconditionException("unpack layer " + staged.blob() + ": its DiffID is "
                        + staged.summary().diffId() + ", the config says " + diffId);
            }
            snapshotter.commitLayer(chain, staged.dir());
            return staged.summary().bytes();
        } finally {
            deleteTree(staged.dir());
        }
    }

    /** A layer unpacked by {@link #unpackOnto}. */
    record Unpacked(ChainId chain, Digest diffId, long bytes) {
    }

    /**
     * Unpacks a layer made here (commit, import), whose DiffID is learnt from its stream, as the layer over
     * {@code parent} (null for a base layer).
     */
    Unpacked unpackOnto(@Nullable ChainId parent, Descriptor blob) {
        Path staging = snapshotter.newStagingDir();
        try {
            LayerSummary summary;
            try (InputStream in = content.open(blob.digest())) {
                summary = extractor.extract(in, staging);
            }
            ChainId chain = ChainIds.next(parent, summary.diffId());
            snapshotter.commitLayer(chain, staging);
            return new Unpacked(chain, summary.diffId(), summary.bytes());
        } catch (IOException e) {
            throw new FailedPreconditionException("unpack layer " + blob.digest() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    /** Bytes of regular-file content under {@code dir}, for layers unpacked before sizes were recorded. */
    static long measure(Path dir) {
        long[] total = {0};
        walk(dir, (file, attrs) -> total[0] += attrs.isRegularFile() ? attrs.size() : 0, false);
        return total[0];
    }

    /** Deletes a tree without following any symlink out of it; a missing tree is fine. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        walk(root, (file, attrs) -> Files.deleteIfExists(file), true);
    }

    private interface Visitor {
        void visit(Path file, BasicFileAttributes attrs) throws IOException;
    }

    private static void walk(Path root, Visitor visitor, boolean deleteDirectories) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    visitor.visit(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    if (deleteDirectories) {
                        Files.deleteIfExists(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // nothing left to visit
        } catch (IOException e) {
            throw new FailedPreconditionException("walk " + root + ": " + e.getMessage(), e);
        }
    }

    /** Reports bytes read every {@link #PROGRESS_STEP}. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long count;
        private long reported;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) {
            count += n;
            if (count - reported >= PROGRESS_STEP) {
                reported = count;
                progress.accept(count);
            }
        }
    }
}
