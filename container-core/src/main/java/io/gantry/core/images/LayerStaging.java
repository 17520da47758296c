package io.gantry.core.images;

import io.gantry.core.content.Digest;
import io.gantry.core.errors.UnavailableException;
import io.gantry.core.registry.LayerProgress;
import io.gantry.core.registry.PullProgress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Unpacks a pull's layers while the pull still downloads: a layer blob is staged (extracted and hashed into a staging
 * directory) as soon as the registry client reports it verified, several at a time, since each layer is a directory
 * of its own that overlayfs stacks only later. The pull then commits the staged layers in order once it knows their
 * DiffIDs. What was staged but not committed is deleted on {@link #close()}.
 *
 * <p>Only layer blobs report {@link LayerProgress.Phase#VERIFIED}: the registry client fetches configs and manifests
 * without progress.
 */
final class LayerStaging implements PullProgress, AutoCloseable {

    private final LayerUnpacker unpacker;
    private final PullReporter reporter;
    private final ExecutorService pool;
    private final Map<Digest, Future<LayerUnpacker.Staged>> staged = new ConcurrentHashMap<>();

    LayerStaging(LayerUnpacker unpacker, PullReporter reporter, int parallel) {
        this.unpacker = unpacker;
        this.reporter = reporter;
        this.pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "gantry-unpack");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onProgress(LayerProgress event) {
        reporter.onProgress(event);
        if (event.phase() == LayerProgress.Phase.VERIFIED) {
            start(event.digest(), event.total());
        }
    }

    /** Stages {@code blob} unless it is staged or being staged already. */
    void start(Digest blob, long size) {
        String id = blob.shortHex();
        staged.computeIfAbsent(blob, digest -> pool.submit(() -> unpacker.stage(digest, size,
                done -> reporter.emit(PullEvent.layer(id, PullEvent.Status.EXTRACTING, done, size)))));
    }

    /** The staged layer of {@code blob}, staging it now if no event started it; waits for it. */
    LayerUnpacker.Staged take(Digest blob, long size) {
        start(blob, size);
        Future<LayerUnpacker.Staged> future = staged.remove(blob);
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("unpack layer " + blob + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("unpack layer " + blob + ": interrupted", e);
        }
    }

    /** Waits for the stagings nobody took (a failed pull, layers that turned out present) and deletes them. */
    @Override
    public void close() {
        pool.shutdown();
        for (Future<LayerUnpacker.Staged> future : staged.values()) {
            try {
                LayerUnpacker.deleteTree(future.get().dir());
            } catch (ExecutionException failed) {
                // a staging that failed cleaned up after itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        staged.clear();
    }
}
