package io.gantry.core.registry;

import io.gantry.core.content.ContentReader;
import io.gantry.core.content.Descriptor;
import io.gantry.core.image.ImageReference;
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

    private final RegistryHttp http;

    BlobPush(RegistryHttp http) {
        this.http = http;
    }

    /** Returns false when the registry already had the blob. */
    boolean push(ImageReference image, Descriptor blob, ContentReader store, @Nullable Credentials credentials) {
        String operation = "push blob " + image.name() + "@" + blob.digest();
        String scope = "repository:" + image.path() + ":pull,push";
        URI base = http.base(image.domain());
        var head = new RegistryHttp.Call("HEAD", base.resolve(image.path() + "/blobs/" + blob.digest()), Map.of(),
                HttpRequest.BodyPublishers::noBody);
        if (closed(http.send(operation, image.domain(), scope, credentials, head)) == 200) {
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
                () -> HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> open(store, blob)),
                        blob.size()));
        HttpResponse<InputStream> done = http.send(operation, image.domain(), scope, credentials, put);
        if (done.statusCode() != 201) {
            throw RegistryHttp.failure(operation, done);
        }
        closed(done);
        return true;
    }

    private static InputStream open(ContentReader store, Descriptor blob) {
        try {
            return store.open(blob.digest());
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
