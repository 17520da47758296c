package io.gantry.core.images;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Pushes of local tags: for each, every layer blob the registry lacks, then the config, then the manifest under the
 * tag, reporting Docker's statuses. The image's own manifest is pushed as stored, so the registry serves the same
 * digest Gantry recorded.
 */
final class Pusher {

    private final RegistryClient registry;
    private final ContentStore content;
    private final ImageStore store;

    Pusher(RegistryClient registry, ContentStore content, ImageStore store) {
        this.registry = registry;
        this.content = content;
        this.store = store;
    }

    Descriptor pushTag(ImageReference reference, @Nullable Credentials credentials, Consumer<PushEvent> progress) {
        refuseDigest(reference);
        ImageRecord image = store.byTag(reference.name() + ":" + reference.tag()).orElseThrow(() ->
                new NotFoundException("An image does not exist locally with the tag: " + familiarName(reference)));
        Consumer<PushEvent> serial = serialised(progress);
        serial.accept(new PushEvent("", PushEvent.Status.REFERS_TO, 0, 0, reference.name()));
        return push(image, reference, credentials, serial);
    }

    List<Descriptor> pushAllTags(ImageReference repository, @Nullable Credentials credentials, Consumer<PushEvent> progress) {
        refuseDigest(repository);
        List<String> tags = store.all().stream().flatMap(image -> image.tags().stream())
                .filter(tag -> tag.startsWith(repository.name() + ":")).sorted().toList();
        if (tags.isEmpty()) {
            throw new NotFoundException("An image does not exist locally with the tag: " + familiarName(repository));
        }
        Consumer<PushEvent> serial = serialised(progress);
        serial.accept(new PushEvent("", PushEvent.Status.REFERS_TO, 0, 0, repository.name()));
        List<Descriptor> pushed = new ArrayList<>();
        for (String tag : tags) {
            ImageReference target = ImageReference.parse(tag);
            store.byTag(tag).ifPresent(image -> pushed.add(push(image, target, credentials, serial)));
        }
        return pushed;
    }

    /** Pushes {@code image} as {@code target} (a tagged reference) and returns the manifest pushed. */
    private Descriptor push(ImageRecord image, ImageReference target, @Nullable Credentials credentials,
                            Consumer<PushEvent> progress) {
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
            registry.pushBlob(target, layer.toDescriptor(), content, event -> report(event, progress), credentials);
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

    private static void refuseDigest(ImageReference reference) {
        if (reference.digest() != null) {
            throw new InvalidArgumentException("push " + reference + ": cannot push a digest reference");
        }
    }

    /** Docker's familiar repository name, without tag: {@code busybox}, {@code 127.0.0.1:5000/app}. */
    private static String familiarName(ImageReference reference) {
        String familiar = new ImageReference(reference.domain(), reference.path(), ImageReference.DEFAULT_TAG, null).familiar();
        return familiar.substring(0, familiar.length() - (":" + ImageReference.DEFAULT_TAG).length());
    }

    /** Upload progress comes from the HTTP client's threads; the caller's consumer sees one event at a time. */
    private static Consumer<PushEvent> serialised(Consumer<PushEvent> progress) {
        return event -> {
            synchronized (progress) {
                progress.accept(event);
            }
        };
    }
}
