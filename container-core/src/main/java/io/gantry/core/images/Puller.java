package io.gantry.core.images;

import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.IngestConflictException;
import io.gantry.core.errors.UnavailableException;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.oci.OciDescriptor;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.registry.Credentials;
import io.gantry.core.registry.PullProgress;
import io.gantry.core.registry.PulledImage;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistryException;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Snapshotter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pull: registry mirrors for docker.io first and upstream after (as Docker's {@code registry-mirrors}); each
 * layer whose snapshot does not exist is unpacked as soon as its blob is verified, several at once, and committed in
 * order once the config's DiffIDs confirm it. Returns the record to store; storing it is the caller's, so nothing is
 * visible before every layer is in place.
 */
final class Puller {

    private static final Logger log = LoggerFactory.getLogger(Puller.class);
    /** Two pulls sharing a blob race for its ingest; the loser waits for the winner's commit, at most this often. */
    private static final int INGEST_CONFLICT_ATTEMPTS = 600;
    /**
     * Layers unpacked at once. Unpacking is mostly inflating and hashing, so one per core; at least two, so that one
     * layer's file system calls overlap another's computing.
     */
    private static final int UNPACK_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final RegistryClient registry;
    private final ContentStore content;
    private final Snapshotter snapshotter;
    private final LayerUnpacker unpacker;
    private final List<String> mirrors;
    private final Platform platform;

    Puller(RegistryClient registry, ContentStore content, Snapshotter snapshotter, LayerUnpacker unpacker,
           List<String> mirrors, Platform platform) {
        this.registry = registry;
        this.content = content;
        this.snapshotter = snapshotter;
        this.unpacker = unpacker;
        this.mirrors = List.copyOf(mirrors);
        this.platform = platform;
    }

    /** The pulled image's record (without references) and the top-level digest it was pulled at. */
    record Result(ImageRecord image, Digest topDigest) {
    }

    Result pull(ImageReference reference, @Nullable Credentials credentials, PullReporter reporter,
                ToLongFunction<ChainId> knownSize) {
        try (LayerStaging staging = new LayerStaging(unpacker, reporter, UNPACK_THREADS)) {
            PulledImage pulled = fetch(reference, credentials, staging);
            List<Digest> diffIds = pulled.config().rootfs().diffIds().stream().map(Digest::parse).toList();
            List<ChainId> chains = ChainIds.of(diffIds);
            List<Descriptor> layers = pulled.parsed().layers().stream().map(OciDescriptor::toDescriptor).toList();
            for (int i = 0; i < chains.size(); i++) {
                if (!snapshotter.hasLayer(chains.get(i))) {
                    staging.start(layers.get(i).digest(), layers.get(i).size()); // blobs stored before this pull
                }
            }
            List<Long> sizes = new ArrayList<>();
            for (int i = 0; i < chains.size(); i++) {
                Descriptor layer = layers.get(i);
                String id = layer.digest().shortHex();
                ChainId chain = chains.get(i);
                if (snapshotter.hasLayer(chain)) {
                    reporter.emit(PullEvent.layer(id, reporter.downloaded(layer.digest()) ? PullEvent.Status.PULL_COMPLETE
                            : PullEvent.Status.ALREADY_EXISTS, 0, layer.size()));
                    sizes.add(knownSize.applyAsLong(chain));
                    continue;
                }
                sizes.add(unpacker.commit(staging.take(layer.digest(), layer.size()), diffIds.get(i), chain));
                reporter.emit(PullEvent.layer(id, PullEvent.Status.PULL_COMPLETE, 0, layer.size()));
            }
            Digest configDigest = pulled.parsed().config().toDescriptor().digest();
            ImageRecord image = new ImageRecord(configDigest, pulled.manifest(), List.of(), List.of(), Instant.now(), chains, sizes);
            return new Result(image, pulled.reference().digest() != null ? pulled.reference().digest() : pulled.manifest().digest());
        }
    }

    /** The sources to try, in order: each mirror (docker.io only), then the reference's own registry. */
    List<ImageReference> sources(ImageReference reference) {
        List<ImageReference> sources = new ArrayList<>();
        if (reference.domain().equals(ImageReference.DOCKER_HUB)) {
            for (String mirror : mirrors) {
                sources.add(new ImageReference(authority(mirror), reference.path(), reference.tag(), reference.digest()));
            }
        }
        sources.add(reference);
        return sources;
    }

    private PulledImage fetch(ImageReference reference, @Nullable Credentials credentials, PullProgress reporter) {
        List<String> mirrorFailures = new ArrayList<>();
        for (ImageReference source : sources(reference)) {
            try {
                return fetchWaitingForOtherPulls(source, credentials, reporter);
            } catch (RegistryException e) {
                if (source == reference) {
                    String mirrorsTried = mirrorFailures.isEmpty() ? "" : " (mirrors failed first: " + String.join("; ", mirrorFailures) + ")";
                    throw new RegistryException(e.getMessage() + mirrorsTried, e.status(), e);
                }
                log.info("mirror {} failed, trying the next source: {}", source.domain(), e.getMessage());
                mirrorFailures.add(source.domain() + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("the reference itself is always the last source");
    }

    private PulledImage fetchWaitingForOtherPulls(ImageReference source, @Nullable Credentials credentials, PullProgress reporter) {
        for (int attempt = 1; ; attempt++) {
            try {
                return registry.pull(source, platform, content, reporter, credentials);
            } catch (IngestConflictException e) {
                if (attempt >= INGEST_CONFLICT_ATTEMPTS) {
                    throw new UnavailableException("pull " + source.familiar() + ": another pull kept writing the same blob", e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UnavailableException("pull " + source.familiar() + ": interrupted", interrupted);
                }
            }
        }
    }

    /** {@code http://host:port} or {@code host:port} → {@code host:port}. */
    static String authority(String mirror) {
        if (!mirror.contains("://")) {
            return mirror.endsWith("/") ? mirror.substring(0, mirror.length() - 1) : mirror;
        }
        String authority = URI.create(mirror).getAuthority();
        if (authority == null) {
            throw new IllegalArgumentException("registry mirror " + mirror + " names no host");
        }
        return authority;
    }
}
