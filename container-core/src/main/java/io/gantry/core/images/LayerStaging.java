package io.gantry.core.images;

import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.UnavailableException;
import io.gantry.core.registry.LayerProgress;
import io.gantry.core.registry.LayerStream;
import io.gantry.core.registry.PullProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Unpacks a pull's layers while the pull still downloads them: each layer blob is extracted and hashed into a staging
 * directory from the bytes the registry client streams as they arrive (one pass, as Docker's pull does), and a layer
 * whose blob was stored before is staged from the content store. Layers are independent directories that overlayfs
 * stacks only later, so they are staged at once, in any order. The pull commits the staged layers in order once every
 * blob is verified and the config's DiffIDs are known. What was staged but not committed is deleted on
 * {@link #close()}.
 *
 * <p>Only layer blobs report {@link LayerProgress.Phase#VERIFIED} and ask for a stream: the registry client fetches
 * configs and manifests without progress. "Extracting" events begin after a layer's "Download complete", as Docker's.
 */
final class LayerStaging implements PullProgress, AutoCloseable {

    private final LayerUnpacker unpacker;
    private final PullReporter reporter;
    /** Stages layers stored before the pull, a few at a time. */
    private final ExecutorService pool;
    /** Stages streamed layers, one thread each: as many as downloads run at once, which the registry client bounds. */
    private final ExecutorService streams;
    private final Map<Digest, Future<LayerUnpacker.Staged>> staged = new ConcurrentHashMap<>();
    private final Map<Digest, ExtractionProgress> extracting = new ConcurrentHashMap<>();
    /** Stagings of download attempts that failed and were retried, deleted on close. */
    private final List<Future<LayerUnpacker.Staged>> replaced = new CopyOnWriteArrayList<>();

    LayerStaging(LayerUnpacker unpacker, PullReporter reporter, int parallel) {
        this.unpacker = unpacker;
        this.reporter = reporter;
        this.pool = Executors.newFixedThreadPool(parallel, LayerStaging::unpackThread);
        this.streams = Executors.newCachedThreadPool(LayerStaging::unpackThread);
    }

    private static Thread unpackThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "gantry-unpack");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void onProgress(LayerProgress event) {
        reporter.onProgress(event);
        if (event.phase() == LayerProgress.Phase.VERIFIED) {
            progress(event.digest(), event.total()).verified();
            start(event.digest(), event.total());
        }
    }

    @Override
    public LayerStream layerStream(Descriptor layer) {
        Digest digest = layer.digest();
        LayerPipe pipe = new LayerPipe();
        ExtractionProgress progress = progress(digest, layer.size());
        Future<LayerUnpacker.Staged> staging = streams.submit(() -> {
            try {
                return unpacker.stage(digest, layer.size(), pipe.input(), progress::extracted);
            } catch (RuntimeException e) {
                if (pipe.aborted()) {
                    return null; // no layer, only a broken-off download: take() unpacks the stored blob instead
                }
                throw e;
            }
        });
        Future<LayerUnpacker.Staged> previous = staged.put(digest, staging);
        if (previous != null) {
            replaced.add(previous); // an earlier attempt's, from bytes that broke off
        }
        return pipe;
    }

    /** Stages {@code blob} from the content store unless it is staged or being staged already. */
    void start(Digest blob, long size) {
        ExtractionProgress progress = progress(blob, size);
        progress.verified(); // stored blobs are
        staged.computeIfAbsent(blob, digest -> pool.submit(() -> unpacker.stage(digest, size, progress::extracted)));
    }

    private ExtractionProgress progress(Digest blob, long size) {
        return extracting.computeIfAbsent(blob, digest -> new ExtractionProgress(digest.shortHex(), size));
    }

    /** The staged layer of {@code blob}, staging it now if nothing started it; waits for it. */
    LayerUnpacker.Staged take(Digest blob, long size) {
        start(blob, size);
        Future<LayerUnpacker.Staged> future = staged.remove(blob);
        try {
            LayerUnpacker.Staged layer = future.get();
            if (layer == null) { // its download broke off, yet the blob is stored: another attempt or pull fetched it
                return unpacker.stage(blob, size, progress(blob, size)::extracted);
            }
            return layer;
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

    /** Waits for the stagings nobody took (a failed pull, layers that turned out present, retries) and deletes them. */
    @Override
    public void close() {
        pool.shutdown();
        streams.shutdown();
        List<Future<LayerUnpacker.Staged>> leftovers = new ArrayList<>(staged.values());
        leftovers.addAll(replaced);
        for (Future<LayerUnpacker.Staged> future : leftovers) {
            try {
                LayerUnpacker.Staged layer = future.get();
                if (layer != null) {
                    LayerUnpacker.deleteTree(layer.dir());
                }
            } catch (ExecutionException failed) {
                // a staging that failed cleaned up after itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        staged.clear();
        replaced.clear();
    }

    /**
     * A layer's "Extracting" progress: held back while its blob still downloads, since Docker's clients expect it after
     * "Download complete".
     */
    private final class ExtractionProgress {
        private final String id;
        private final long size;
        private long done;
        private boolean verified;

        ExtractionProgress(String id, long size) {
            this.id = id;
            this.size = size;
        }

        synchronized void extracted(long bytes) {
            done = bytes;
            if (verified) {
                reporter.emit(PullEvent.layer(id, PullEvent.Status.EXTRACTING, done, size));
            }
        }

        synchronized void verified() {
            if (!verified) {
                verified = true;
                if (done > 0) {
                    reporter.emit(PullEvent.layer(id, PullEvent.Status.EXTRACTING, done, size));
                }
            }
        }
    }
}
