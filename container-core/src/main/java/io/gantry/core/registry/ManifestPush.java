package io.gantry.core.registry;

import io.gantry.core.content.Descriptor;
import io.gantry.core.image.ImageReference;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code PUT /v2/<name>/manifests/<tag or digest>} with the manifest's own media type. */
final class ManifestPush {

    private final RegistryHttp http;

    ManifestPush(RegistryHttp http) {
        this.http = http;
    }

    void push(ImageReference image, Descriptor manifest, byte[] body, @Nullable Credentials credentials) {
        String reference = image.tag() != null ? image.tag() : manifest.digest().toString();
        String operation = "push manifest " + image.name() + ":" + reference;
        var put = new RegistryHttp.Call("PUT", http.base(image.domain()).resolve(image.path() + "/manifests/" + reference),
                Map.of("Content-Type", manifest.mediaType()), () -> HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response = http.send(operation, image.domain(), "repository:" + image.path() + ":pull,push",
                credentials, put);
        if (response.statusCode() != 201) {
            throw RegistryHttp.failure(operation, response);
        }
        BlobPush.closed(response);
    }
}
