package io.gantry.core.registry;

import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageFormatException;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v2/<name>/manifests/<reference>}: the body is hashed here, never trusted from headers; a pinned digest,
 * a {@code Docker-Content-Digest} header and the body's {@code mediaType} must all agree with what arrived.
 */
final class ManifestFetch {

    private static final int MAX_MANIFEST_BYTES = 4 << 20;

    private final RegistryHttp http;

    ManifestFetch(RegistryHttp http) {
        this.http = http;
    }

    FetchedManifest fetch(ImageReference image, String reference, @Nullable Credentials credentials) {
        String operation = "fetch manifest " + image.name() + ":" + reference;
        var call = RegistryHttp.Call.get(http.base(image.domain()).resolve(image.path() + "/manifests/" + reference),
                Map.of("Accept", String.join(", ", MediaTypes.MANIFEST_ACCEPT)));
        HttpResponse<InputStream> response = http.send(operation, image.domain(), pullScope(image), credentials, call);
        if (response.statusCode() != 200) {
            throw RegistryHttp.failure(operation, response);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (IOException e) {
            throw new RegistryException(operation + ": " + e.getMessage(), e);
        }
        if (body.length > MAX_MANIFEST_BYTES) {
            throw new RegistryException(operation + ": manifest larger than " + MAX_MANIFEST_BYTES + " bytes", 0);
        }
        Digest actual = Digest.of(body);
        if (reference.startsWith(Digest.SHA256 + ":") && !actual.equals(Digest.parse(reference))) {
            throw new RegistryException(operation + ": content digest is " + actual + ", not the requested digest", 0);
        }
        response.headers().firstValue("Docker-Content-Digest").ifPresent(header -> {
            if (!header.equals(actual.toString())) {
                throw new RegistryException(operation + ": Docker-Content-Digest " + header + " does not match content "
                        + actual, 0);
            }
        });
        return new FetchedManifest(new Descriptor(mediaType(operation, response, body), actual, body.length), body,
                RateLimit.from(response.headers()));
    }

    private static String mediaType(String operation, HttpResponse<InputStream> response, byte[] body) {
        String declared = response.headers().firstValue("Content-Type").map(MediaTypes::bare).orElse("");
        String inBody;
        try {
            inBody = OciJson.mediaTypeOf(body);
        } catch (ImageFormatException e) {
            throw new RegistryException(operation + ": " + e.getMessage(), e);
        }
        boolean known = MediaTypes.isIndex(declared) || MediaTypes.isManifest(declared);
        if (known && !declared.equals(inBody)) {
            throw new RegistryException(operation + ": Content-Type " + declared + " differs from the body's mediaType "
                    + inBody, 0);
        }
        return known ? declared : inBody;
    }

    static String pullScope(ImageReference image) {
        return "repository:" + image.path() + ":pull";
    }
}
