package io.gantry.core.images;

import io.gantry.core.content.Digest;
import io.gantry.core.registry.LayerProgress;
import io.gantry.core.registry.PullProgress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns the registry client's per-blob events (from its download threads) into Docker's statuses, one at a time, so
 * the caller's consumer need not be thread-safe. Whether a present blob is "Already exists" is decided at unpack
 * time, when the snapshot is known to exist too.
 */
final class PullReporter implements PullProgress {

    private final Consumer<PullEvent> sink;
    private final Set<Digest> downloaded = ConcurrentHashMap.newKeySet();

    PullReporter(Consumer<PullEvent> sink) {
        this.sink = sink;
    }

    @Override
    public void onProgress(LayerProgress event) {
        String id = event.digest().shortHex();
        switch (event.phase()) {
            case WAITING -> emit(PullEvent.layer(id, PullEvent.Status.PULLING_FS_LAYER, 0, event.total()));
            case DOWNLOADING -> {
                downloaded.add(event.digest());
                emit(PullEvent.layer(id, PullEvent.Status.DOWNLOADING, event.done(), event.total()));
            }
            case VERIFIED -> {
                downloaded.add(event.digest());
                emit(PullEvent.layer(id, PullEvent.Status.VERIFYING, 0, event.total()));
                emit(PullEvent.layer(id, PullEvent.Status.DOWNLOAD_COMPLETE, 0, event.total()));
            }
            case ALREADY_EXISTS, UPLOADING, PUSHED -> {
                // decided when unpacking
            }
        }
    }

    boolean downloaded(Digest blob) {
        return downloaded.contains(blob);
    }

    synchronized void emit(PullEvent event) {
        sink.accept(event);
    }
}
