package io.gantry.core.registry;

import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentWriter;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.DigestMismatchException;
import io.gantry.core.image.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v2/<name>/blobs/<digest>} streamed straight into the content store's ingest area; the store commits it
 * only if digest and size match. A layer's bytes also go to the {@link LayerStream} the progress listener asks for, if
 * any, as they arrive. A stream broken midway is fetched again from the start, within the retry budget.
 */
final class BlobFetch {

    private static final long PROGRESS_STEP = 256 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final RegistryHttp http;
    private final int attempts;

    BlobFetch(RegistryHttp http, int attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    void fetch(ImageReference image, Descriptor blob, ContentWriter store, PullProgress progress,
               @Nullable Credentials credentials) {
        String operation = "fetch blob " + image.name() + "@" + blob.digest();
        for (int attempt = 1; ; attempt++) {
            try {
                fetchOnce(operation, image, blob, store, progress, credentials);
                return;
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new RegistryException(operation + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void fetchOnce(String operation, ImageReference image, Descriptor blob, ContentWriter store,
                           PullProgress progress, @Nullable Credentials credentials) throws IOException {
        var call = RegistryHttp.Call.get(http.base(image.domain()).resolve(image.path() + "/blobs/" + blob.digest()), Map.of());
        HttpResponse<InputStream> response = http.send(operation, image.domain(), ManifestFetch.pullScope(image),
                credentials, call);
        if (response.statusCode() != 200) {
            throw RegistryHttp.failure(operation, response);
        }
        try (InputStream in = response.body(); BlobWriter writer = store.writer("fetch-" + blob.digest())) {
            LayerStream stream = progress.layerStream(blob);
            try {
                copy(operation, blob, in, writer, stream, progress);
            } catch (Throwable failure) {
                if (stream != null) { // its reader must not wait for bytes that will never come
                    stream.abort(failure instanceof IOException io ? io : new IOException(operation + ": " + failure, failure));
                }
                throw failure;
            }
            if (stream != null) {
                stream.finish(); // the reader unpacks on while the blob is synced and verified
            }
            writer.commit(blob.size(), blob.digest());
        } catch (DigestMismatchException e) {
            throw new RegistryException(operation + ": " + e.getMessage(), e);
        }
        progress.onProgress(new LayerProgress(blob.digest(), blob.size(), blob.size(), LayerProgress.Phase.VERIFIED));
    }

    private static void copy(String operation, Descriptor blob, InputStream in, BlobWriter writer, @Nullable LayerStream stream,
                             PullProgress progress) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long reported = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            writer.write(buffer, 0, n);
            if (writer.status() > blob.size()) {
                throw new RegistryException(operation + ": registry sent more than the " + blob.size() + " bytes announced", 0);
            }
            if (stream != null) {
                stream.write(buffer, 0, n);
            }
            if (writer.status() - reported >= PROGRESS_STEP) {
                reported = writer.status();
                progress.onProgress(new LayerProgress(blob.digest(), reported, blob.size(), LayerProgress.Phase.DOWNLOADING));
            }
        }
        progress.onProgress(new LayerProgress(blob.digest(), writer.status(), blob.size(), LayerProgress.Phase.DOWNLOADING));
    }
}
