package io.gantry.core.registry;

import io.gantry.core.content.ContentReader;
import io.gantry.core.content.Descriptor;
import io.gantry.core.image.ImageReference;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A monolithic blob upload: {@code HEAD} to skip blobs the registry has, {@code POST .../blobs/uploads/} for a session,
 * then one {@code PUT <location>&digest=…} with the content.
 */
final class BlobPush {

    private static final long PROGRESS_STEP = 256 * 1024;

    private final RegistryHttp http;

    BlobPush(RegistryHttp http) {
        this.http = http;
    }

    /** Returns false when the registry already had the blob. */
    boolean push(ImageReference image, Descriptor blob, ContentReader store, PullProgress progress,
                 @Nullable Credentials credentials) {
        String operation = "push blob " + image.name() + "@" + blob.digest();
        String scope = "repository:" + image.path() + ":pull,push";
        URI base = http.base(image.domain());
        var head = new RegistryHttp.Call("HEAD", base.resolve(image.path() + "/blobs/" + blob.digest()), Map.of(),
                HttpRequest.BodyPublishers::noBody);
        if (closed(http.send(operation, image.domain(), scope, credentials, head)) == 200) {
            progress.onProgress(new LayerProgress(blob.digest(), blob.size(), blob.size(), LayerProgress.Phase.ALREADY_EXISTS));
            return false;
        }
        var start = new RegistryHttp.Call("POST", base.resolve(image.path() + "/blobs/uploads/"), Map.of(),
                HttpRequest.BodyPublishers::noBody);
        HttpResponse<InputStream> session = http.send(operation, image.domain(), scope, credentials, start);
        if (session.statusCode() != 202) {
            throw RegistryHttp.failure(operation + ": start upload", session);
        }
        closed(session);
        URI location = base.resolve(session.headers().firstValue("Location")
                .orElseThrow(() -> new RegistryException(operation + ": upload session without Location", 202)));
        URI target = URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest=" + blob.digest());
        var put = new RegistryHttp.Call("PUT", target, Map.of("Content-Type", "application/octet-stream"),
                () -> HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> open(store, blob, progress)), blob.size()));
        HttpResponse<InputStream> done = http.send(operation, image.domain(), scope, credentials, put);
        if (done.statusCode() != 201) {
            throw RegistryHttp.failure(operation, done);
        }
        closed(done);
        progress.onProgress(new LayerProgress(blob.digest(), blob.size(), blob.size(), LayerProgress.Phase.PUSHED));
        return true;
    }

    /** The blob's content, reporting {@link LayerProgress.Phase#UPLOADING} as the HTTP client reads it. */
    private static InputStream open(ContentReader store, Descriptor blob, PullProgress progress) {
        try {
            return new FilterInputStream(store.open(blob.digest())) {
                private long done;
                private long reported;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        done += n;
                        if (done - reported >= PROGRESS_STEP || done == blob.size()) {
                            reported = done;
                            progress.onProgress(new LayerProgress(blob.digest(), done, blob.size(),
                                    LayerProgress.Phase.UPLOADING));
                        }
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int closed(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read from it
        }
        return response.statusCode();
    }
}
