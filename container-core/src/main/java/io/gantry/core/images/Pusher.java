package io.gantry.core.images;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageFormatException;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.registry.Credentials;
import io.gantry.core.registry.LayerProgress;
import io.gantry.core.registry.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One tag's push: every layer blob the registry lacks, then the config, then the manifest under the tag, reporting
 * Docker's statuses. The image's own manifest is pushed as stored, so the registry serves the same digest Gantry
 * recorded.
 */
final class Pusher {

    private final RegistryClient registry;
    private final ContentStore content;

    Pusher(RegistryClient registry, ContentStore content) {
        this.registry = registry;
        this.content = content;
    }

    /** Pushes {@code image} as {@code target} (a tagged reference) and returns the manifest pushed. */
    Descriptor push(ImageRecord image, ImageReference target, @Nullable Credentials credentials, Consumer<PushEvent> progress) {
        Descriptor manifestDescriptor = image.manifest();
        byte[] body;
        Manifest manifest;
        try (InputStream in = content.open(manifestDescriptor.digest())) {
            body = in.readAllBytes();
            manifest = OciJson.parseManifest(body);
        } catch (IOException | ImageFormatException e) {
            throw new FailedPreconditionException("push " + target.familiar() + ": read manifest " + manifestDescriptor.digest()
                    + ": " + e.getMessage(), e);
        }
        for (OciDescriptor layer : manifest.layers()) {
            progress.accept(PushEvent.layer(layer.toDescriptor().digest().shortHex(), PushEvent.Status.PREPARING, 0, 0));
        }
        for (OciDescriptor layer : manifest.layers()) {
            Descriptor blob = layer.toDescriptor();
            registry.pushBlob(target, blob, content, event -> report(event, progress), credentials);
        }
        registry.pushBlob(target, manifest.config().toDescriptor(), content, credentials);
        registry.pushManifest(target, manifestDescriptor, body, credentials);
        progress.accept(new PushEvent(target.tag() == null ? "" : target.tag(), PushEvent.Status.DIGEST, 0,
                manifestDescriptor.size(), manifestDescriptor.digest().toString()));
        return manifestDescriptor;
    }

    private static void report(LayerProgress event, Consumer<PushEvent> progress) {
        String id = event.digest().shortHex();
        switch (event.phase()) {
            case UPLOADING -> progress.accept(PushEvent.layer(id, PushEvent.Status.PUSHING, event.done(), event.total()));
            case PUSHED -> progress.accept(PushEvent.layer(id, PushEvent.Status.PUSHED, 0, event.total()));
            case ALREADY_EXISTS -> progress.accept(PushEvent.layer(id, PushEvent.Status.LAYER_EXISTS, 0, event.total()));
            case WAITING, DOWNLOADING, VERIFIED -> {
                // a push only uploads
            }
        }
    }
}
