package io.gantry.core.registry;

import io.gantry.core.content.BlobWriter;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.DigestMismatchException;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.ImageFormatException;
import io.gantry.core.image.oci.ImageIndex;
import io.gantry.core.image.oci.Manifest;
import io.gantry.core.image.oci.MediaTypes;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole pull: the top-level manifest, the platform's manifest out of an index, the config, then the layers in
 * parallel. Blobs the store already holds are not fetched again. Only verified content is ever committed.
 */
final class ImagePull {

    private static final Logger log = LoggerFactory.getLogger(ImagePull.class);
    private static final int PARALLEL_LAYERS = 3;

    private final ManifestFetch manifests;
    private final BlobFetch blobs;

    ImagePull(ManifestFetch manifests, BlobFetch blobs) {
        this.manifests = manifests;
        this.blobs = blobs;
    }

    PulledImage pull(ImageReference image, Platform platform, ContentStore store, PullProgress progress,
                     @Nullable Credentials credentials) {
        String operation = "pull " + image.familiar();
        try {
            FetchedManifest top = manifests.fetch(image, image.manifestReference(), credentials);
            FetchedManifest platformManifest = top;
            if (MediaTypes.isIndex(top.descriptor().mediaType())) {
                ImageIndex index = OciJson.parseIndex(top.body());
                Descriptor entry = index.select(platform).map(OciDescriptor::toDescriptor).orElseThrow(() ->
                        new RegistryException("no manifest for " + platform + " in " + top.descriptor().digest(), 404));
                platformManifest = manifests.fetch(image, entry.digest().toString(), credentials);
                if (platformManifest.body().length != entry.size()) {
                    throw new RegistryException("manifest " + entry.digest() + " is " + platformManifest.body().length
                            + " bytes, the index says " + entry.size(), 0);
                }
            }
            if (!MediaTypes.isManifest(platformManifest.descriptor().mediaType())) {
                throw new RegistryException("unsupported manifest type " + platformManifest.descriptor().mediaType(), 0);
            }
            Manifest manifest = OciJson.parseManifest(platformManifest.body());
            ImageConfig config = fetchConfig(image, manifest, platform, store, credentials);
            fetchLayers(image, manifest, store, progress, credentials);
            put(store, platformManifest);
            if (top != platformManifest) {
                put(store, top);
            }
            Optional<RateLimit> rateLimit = platformManifest.rateLimit().or(top::rateLimit);
            rateLimit.ifPresent(limit -> log.info("{}: registry rate limit: {}", operation, limit));
            return new PulledImage(image.withDigest(top.descriptor().digest()), platformManifest.descriptor(), manifest, config,
                    rateLimit);
        } catch (RegistryException e) {
            throw new RegistryException(operation + ": " + e.getMessage(), e.status(), e);
        } catch (ImageFormatException e) {
            throw new RegistryException(operation + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryException(operation + ": content store: " + e.getMessage(), e);
        }
    }

    private ImageConfig fetchConfig(ImageReference image, Manifest manifest, Platform platform,
                                    ContentStore store, @Nullable Credentials credentials) throws IOException {
        Descriptor descriptor = manifest.config().toDescriptor();
        if (!store.exists(descriptor.digest())) {
            blobs.fetch(image, descriptor, store, PullProgress.NONE, credentials);
        }
        ImageConfig config;
        try (InputStream in = store.open(descriptor.digest())) {
            config = OciJson.parseConfig(in.readAllBytes());
        }
        if (!config.os().equals(platform.os()) || !config.architecture().equals(platform.architecture())) {
            throw new RegistryException("config " + descriptor.digest() + " is for " + config.os() + "/"
                    + config.architecture() + ", not " + platform, 0);
        }
        if (config.rootfs().diffIds().size() != manifest.layers().size()) {
            throw new RegistryException("config lists " + config.rootfs().diffIds().size()
                    + " diff_ids for " + manifest.layers().size() + " layers", 0);
        }
        return config;
    }

    private void fetchLayers(ImageReference image, Manifest manifest, ContentStore store,
                             PullProgress progress, @Nullable Credentials credentials) throws IOException {
        List<Descriptor> missing = new ArrayList<>();
        for (OciDescriptor layer : manifest.layers()) {
            Descriptor descriptor = layer.toDescriptor();
            if (!MediaTypes.isSupportedLayer(descriptor.mediaType())) {
                throw new RegistryException("layer " + descriptor.digest() + " has unsupported media type "
                        + descriptor.mediaType(), 0);
            }
            boolean present = store.exists(descriptor.digest());
            progress.onProgress(new LayerProgress(descriptor.digest(), present ? descriptor.size() : 0, descriptor.size(),
                    present ? LayerProgress.Phase.ALREADY_EXISTS : LayerProgress.Phase.WAITING));
            if (!present && !missing.contains(descriptor)) {
                missing.add(descriptor);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_LAYERS, missing.size()), runnable -> {
            Thread thread = new Thread(runnable, "gantry-pull-" + image.path());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> downloads = new ArrayList<>();
            for (Descriptor layer : missing) {
                downloads.add(pool.submit(() -> blobs.fetch(image, layer, store, progress, credentials)));
            }
            for (Future<?> download : downloads) {
                await(download);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> download) {
        try {
            download.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RegistryException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted", e);
        }
    }

    /** Commits an already verified manifest; it is content-addressed like any blob. */
    private static void put(ContentStore store, FetchedManifest manifest) throws IOException {
        if (store.exists(manifest.descriptor().digest())) {
            return;
        }
        try (BlobWriter writer = store.writer("manifest-" + manifest.descriptor().digest())) {
            writer.write(manifest.body());
            writer.commit(manifest.descriptor().size(), manifest.descriptor().digest());
        } catch (DigestMismatchException e) {
            throw new IllegalStateException("a verified manifest changed in memory", e);
        }
    }
}
