package io.gantry.core.images;

import io.gantry.core.archive.DockerArchive;
import io.gantry.core.archive.ExtractionLimits;
import io.gantry.core.archive.LayerWriter;
import io.gantry.core.archive.OciLayout;
import io.gantry.core.content.ContentStore;
import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.content.FileContentStore;
import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.FailedPreconditionException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.InvalidReferenceException;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.image.oci.ImageFormatException;
import io.gantry.core.image.oci.OciJson;
import io.gantry.core.image.oci.Platform;
import io.gantry.core.registry.Credentials;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Mount;
import io.gantry.core.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The images facade the Engine API and the runtime call: pull, list, inspect, history, tag, remove, prune, garbage
 * collection, and the layers a container's root filesystem stacks. Images are named as Docker users name them: a
 * reference ({@code busybox}, {@code busybox:1}, {@code host:5000/app@sha256:…}), a full ID ({@code sha256:…}) or a
 * unique ID prefix. Failures are {@link io.gantry.core.errors.EngineException}s naming the operation and the image.
 *
 * <p>Pulls, loads and commits run concurrently with each other and hold a shared lock until their image is recorded;
 * garbage collection takes it exclusively, so it never removes content that is about to be referenced.
 */
public final class ImageService {

    private static final Pattern FULL_ID = Pattern.compile("(?:sha256:)?[a-f0-9]{64}");
    private static final Pattern ID_PREFIX = Pattern.compile("(?:sha256:)?[a-f0-9]{1,63}");

    private final ContentStore content;
    private final Snapshotter snapshotter;
    private final ImageStore store;
    private final Puller puller;
    private final Pusher pusher;
    private final GarbageCollector gc;
    private final ImageUsers users;
    private final LocalImages local;
    private final ImageLoader loader;
    private final ReadWriteLock gcLock = new ReentrantReadWriteLock();
    private final Map<Digest, ImageConfig> configs = new ConcurrentHashMap<>();

    private ImageService(ContentStore content, Snapshotter snapshotter, ImageStore store, Puller puller, Pusher pusher,
                         LocalImages local, ImageLoader loader, ImageUsers users) {
        this.local = local;
        this.loader = loader;
        this.content = content;
        this.snapshotter = snapshotter;
        this.store = store;
        this.puller = puller;
        this.pusher = pusher;
        this.gc = new GarbageCollector(content, snapshotter);
        this.users = users;
    }

    /** Starts configuring the service over {@code dataRoot} ({@code content/} and {@code images/} below it). */
    public static Builder builder(Path dataRoot, Snapshotter snapshotter) {
        return new Builder(dataRoot, snapshotter);
    }

    /** Options; the defaults are the host platform, generous extraction limits, no mirrors and no containers. */
    public static final class Builder {
        private final Path dataRoot;
        private final Snapshotter snapshotter;
        private RegistryClient registry = new RegistryClient(RegistrySettings.defaults());
        private List<String> mirrors = List.of();
        private Platform platform = Platform.host();
        private ExtractionLimits limits = ExtractionLimits.DEFAULTS;
        private ImageUsers users = ImageUsers.NONE;

        private Builder(Path dataRoot, Snapshotter snapshotter) {
            this.dataRoot = dataRoot;
            this.snapshotter = snapshotter;
        }

        public Builder registry(RegistryClient client) {
            this.registry = client;
            return this;
        }

        /** Mirrors of docker.io ({@code http://host:port}), tried in order before docker.io itself. */
        public Builder mirrors(List<String> docker) {
            this.mirrors = List.copyOf(docker);
            mirrors.forEach(Puller::authority);
            return this;
        }

        public Builder platform(Platform wanted) {
            this.platform = wanted;
            return this;
        }

        public Builder limits(ExtractionLimits perLayer) {
            this.limits = perLayer;
            return this;
        }

        public Builder users(ImageUsers containers) {
            this.users = containers;
            return this;
        }

        /**
         * Opens the stores. Whatever interrupted pulls left (ingest files, staging directories, a temporary state
         * file) is removed here: at open no pull can be running.
         */
        public ImageService open() {
            try {
                ContentStore content = FileContentStore.open(dataRoot.resolve("content"));
                snapshotter.cleanStaging();
                ImageStore store = ImageStore.open(dataRoot.resolve("images"));
                LayerUnpacker unpacker = new LayerUnpacker(content, snapshotter, limits);
                return new ImageService(content, snapshotter, store,
                        new Puller(registry, content, snapshotter, unpacker, mirrors, platform),
                        new Pusher(registry, content, store), new LocalImages(content, unpacker, platform),
                        new ImageLoader(content, snapshotter, unpacker, platform, limits), users);
            } catch (IOException e) {
                throw new FailedPreconditionException("open image store under " + dataRoot + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Pulls {@code reference} (tag or digest) for the configured platform: docker.io mirrors first, every blob verified,
     * each layer unpacked once by chain ID, then the reference recorded. Progress arrives on the calling thread's
     * behalf from several threads, one event at a time. A second pull of the same image downloads nothing.
     */
    public Image pull(String reference, @Nullable Credentials credentials, Consumer<PullEvent> progress) {
        ImageReference ref = parse(reference);
        String shown = ref.tag() != null ? ref.tag() : String.valueOf(ref.digest());
        PullReporter reporter = new PullReporter(progress);
        reporter.emit(PullEvent.image(shown, PullEvent.Status.PULLING_FROM, ref.path()));
        gcLock.readLock().lock();
        try {
            Puller.Result result = puller.pull(ref, credentials, reporter, this::knownSize);
            Optional<String> tag = Optional.ofNullable(ref.tag()).map(t -> ref.name() + ":" + t);
            String digestRef = ref.name() + "@" + result.topDigest();
            boolean known = store.get(result.image().id()).isPresent();
            Optional<Digest> previous = store.put(result.image(), tag, Optional.of(digestRef));
            reporter.emit(PullEvent.image("", PullEvent.Status.DIGEST, result.topDigest().toString()));
            boolean upToDate = known && (tag.isEmpty() || previous.equals(Optional.of(result.image().id())));
            reporter.emit(PullEvent.image("", upToDate ? PullEvent.Status.UP_TO_DATE : PullEvent.Status.DOWNLOADED_NEWER,
                    ref.familiar()));
            return inspect(result.image().id().toString());
        } finally {
            gcLock.readLock().unlock();
        }
    }

    /**
     * Docker's push of one tag: {@code reference} ({@code host:5000/app:1}; {@code latest} when untagged) must name a
     * local image, whose layers the registry lacks, config and manifest go to the registry the reference names.
     * Progress arrives one event at a time. Returns the manifest pushed.
     */
    public Descriptor push(String reference, @Nullable Credentials credentials, Consumer<PushEvent> progress) {
        ImageReference ref = parse(reference);
        return holdingContent(() -> pusher.pushTag(ref, credentials, progress));
    }

    /** Docker's {@code push --all-tags}: every local tag of {@code repository} ({@code host:5000/app}), in tag order. */
    public List<Descriptor> pushAllTags(String repository, @Nullable Credentials credentials, Consumer<PushEvent> progress) {
        ImageReference repo = parse(repository);
        return holdingContent(() -> pusher.pushAllTags(repo, credentials, progress));
    }

    /** Runs {@code work} while garbage collection waits: content read (pushed) meanwhile must stay. */
    private <T> T holdingContent(java.util.function.Supplier<T> work) {
        gcLock.readLock().lock();
        try {
            return work.get();
        } finally {
            gcLock.readLock().unlock();
        }
    }

    /** Every image, newest first, with Docker's size and shared size. */
    public List<Image> list() {
        List<ImageRecord> all = store.all();
        Map<ChainId, Integer> uses = layerUses(all);
        List<Image> images = new ArrayList<>();
        for (ImageRecord record : all) {
            images.add(toImage(record, uses));
        }
        images.sort((a, b) -> compareCreated(b.created(), a.created()));
        return images;
    }

    /** The image {@code nameOrId}; {@link NotFoundException} when there is none. */
    public Image inspect(String nameOrId) {
        ImageRecord record = resolve(nameOrId).image();
        return toImage(record, layerUses(store.all()));
    }

    /** The image's build steps, newest first, each with the size its layer added. */
    public List<HistoryEntry> history(String nameOrId) {
        Image image = inspect(nameOrId);
        ImageRecord record = store.get(image.id()).orElseThrow();
        List<ImageConfig.History> steps = image.config().history();
        List<HistoryEntry> entries = new ArrayList<>();
        int layer = 0;
        if (steps.isEmpty()) {
            for (Long size : record.layerSizes()) {
                entries.add(new HistoryEntry("<missing>", image.created(), "", size, "", List.of()));
            }
        }
        for (ImageConfig.History step : steps) {
            long size = !step.emptyLayer() && layer < record.layerSizes().size() ? record.layerSizes().get(layer++) : 0;
            entries.add(new HistoryEntry("<missing>", parseTime(step.created()), orEmpty(step.createdBy()), size,
                    orEmpty(step.comment()), List.of()));
        }
        Collections.reverse(entries);
        if (!entries.isEmpty()) {
            HistoryEntry top = entries.get(0);
            entries.set(0, new HistoryEntry(image.id().toString(), top.created(), top.createdBy(), top.size(), top.comment(),
                    image.repoTags()));
        }
        return entries;
    }

    /** Points the tag {@code target} ({@code repo[:tag]}, default {@code latest}) at {@code source}. */
    public void tag(String source, String target) {
        ImageRecord image = resolve(source).image();
        ImageReference ref = parse(target);
        if (ref.digest() != null) {
            throw new InvalidArgumentException("tag " + target + ": refusing to create a tag with a digest reference");
        }
        store.tag(image.id(), ref.name() + ":" + ref.tag());
    }

    /**
     * Docker's {@code rmi}. By reference: only that tag goes when the image has others; removing its last tag deletes
     * the image. By ID: an image tagged in several repositories, or one a container uses, is removed only when
     * {@code force}; a forced removal of an image in use only untags it. Unreferenced content is collected after.
     */
    public RemovedImages remove(String nameOrId, boolean force) {
        Match match = resolve(nameOrId);
        ImageRecord image = match.image();
        String shortId = image.id().shortHex();
        boolean inUse = users.images().contains(image.id());
        if (match.reference().isPresent()) {
            String reference = match.reference().get();
            if (image.tags().size() > 1 || (image.tags().isEmpty() && image.digests().size() > 1)) {
                store.untag(image.id(), reference);
                return new RemovedImages(List.of(familiar(reference)), List.of(), 0);
            }
            if (inUse && !force) {
                throw new ConflictException("remove " + nameOrId + ": unable to remove repository reference (must force) - "
                        + "a container is using its referenced image " + shortId);
            }
        } else {
            if (image.tags().size() > 1 && !force) {
                throw new ConflictException("remove " + nameOrId + ": unable to delete " + shortId
                        + " (must be forced) - image is referenced in multiple repositories");
            }
            if (inUse && !force) {
                throw new ConflictException("remove " + nameOrId + ": unable to delete " + shortId
                        + " (must be forced) - image is being used by a container");
            }
        }
        List<String> untagged = new ArrayList<>();
        image.tags().forEach(tag -> untagged.add(familiar(tag)));
        image.digests().forEach(digest -> untagged.add(familiar(digest)));
        if (inUse) {
            store.dropReferences(image.id());
            return new RemovedImages(untagged, List.of(), 0);
        }
        store.delete(List.of(image.id()));
        return new RemovedImages(untagged, List.of(image.id()), collectGarbage().bytesReclaimed());
    }

    /**
     * Docker's {@code image prune}: removes dangling (untagged) images, or with {@code all} every image, that no
     * container uses; then collects their content.
     */
    public RemovedImages prune(boolean all) {
        return prune(all, image -> true);
    }

    /** As {@link #prune(boolean)}, of the images {@code selected} (Docker's {@code until} and {@code label} filters). */
    public RemovedImages prune(boolean all, java.util.function.Predicate<Image> selected) {
        var inUse = users.images();
        List<ImageRecord> records = store.all();
        Map<ChainId, Integer> uses = layerUses(records);
        List<ImageRecord> doomed = records.stream()
                .filter(image -> (all || image.dangling()) && !inUse.contains(image.id()))
                .filter(image -> selected.test(toImage(image, uses))).toList();
        List<String> untagged = new ArrayList<>();
        doomed.forEach(image -> image.tags().forEach(tag -> untagged.add(familiar(tag))));
        doomed.forEach(image -> image.digests().forEach(digest -> untagged.add(familiar(digest))));
        List<Digest> ids = doomed.stream().map(ImageRecord::id).toList();
        store.delete(ids);
        return new RemovedImages(untagged, ids, collectGarbage().bytesReclaimed());
    }

    /** Bytes of file content in every stored image's layers, each layer counted once ({@code docker system df}). */
    public long layersSize() {
        Map<ChainId, Long> sizes = new HashMap<>();
        for (ImageRecord record : store.all()) {
            for (int i = 0; i < record.layers().size(); i++) {
                sizes.put(record.layers().get(i), record.layerSizes().get(i));
            }
        }
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Removes blobs and unpacked layers that no image and no container references. Waits for running pulls. */
    public GcReport collectGarbage() {
        gcLock.writeLock().lock();
        try {
            return gc.collect(store.all(), users.layers());
        } finally {
            gcLock.writeLock().unlock();
        }
    }

    /**
     * Docker's {@code commit}: the overlay upper directory {@code upper} (a container's changes) becomes a new layer over
     * {@code parent} (a name or ID; null for none); overlay whiteouts become OCI ones. The new config is the parent's
     * with {@code how}'s changes, author and comment; the image is tagged {@code how.reference()} when given.
     */
    public Image commit(Path upper, @Nullable String parent, NewImage how) {
        LocalImages.Parent base = parent == null ? null : parent(resolve(parent).image());
        return recordLocal(() -> local.commit(upper, base, how), how);
    }

    /** Docker's {@code import}: a plain rootfs tarball (tar or tar+gzip) becomes a one-layer image. */
    public Image importRootfs(InputStream tar, NewImage how) {
        return recordLocal(() -> local.importRootfs(tar, how), how);
    }

    /**
     * Docker's {@code export}: the tree {@code root} (a container's mounted rootfs, or any snapshot directory) as a
     * tar on {@code out}, which stays open. Device nodes are written as they are; nothing is followed.
     */
    public void exportFilesystem(Path root, OutputStream out) {
        try {
            new LayerWriter(LayerWriter.Whiteouts.AS_FOUND).write(root, out);
        } catch (IOException e) {
            throw new FailedPreconditionException("export " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Docker's {@code save}: the images named (a tag saves that tag; an ID or digest saves the image untagged, as
     * Docker does) as a Docker 25+ archive, which is also an OCI image layout, on {@code out} (left open).
     */
    public void save(List<String> namesOrIds, OutputStream out) {
        List<DockerArchive.SavedImage> images = savedImages(namesOrIds);
        try {
            DockerArchive.save(content, images, out);
        } catch (IOException | ImageFormatException e) {
            throw new FailedPreconditionException("save " + String.join(" ", namesOrIds) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The images named, as {@link #save} picks them, as a pure OCI image layout tarball with the blobs as stored (what
     * {@code skopeo copy … oci-archive:} writes); a Docker-typed manifest is converted to OCI media types.
     */
    public void saveOciLayout(List<String> namesOrIds, OutputStream out) {
        List<DockerArchive.SavedImage> images = savedImages(namesOrIds);
        try {
            OciLayout.save(content, images, out);
        } catch (IOException | ImageFormatException e) {
            throw new FailedPreconditionException("save " + String.join(" ", namesOrIds) + " as an OCI layout: "
                    + e.getMessage(), e);
        }
    }

    /** Every name resolved first, so that a missing image fails the save before anything is written. */
    private List<DockerArchive.SavedImage> savedImages(List<String> namesOrIds) {
        Map<Digest, DockerArchive.SavedImage> images = new java.util.LinkedHashMap<>();
        for (String name : namesOrIds) {
            Match match = resolve(name);
            List<String> tags = match.reference().filter(ref -> !ref.contains("@")).map(List::of).orElse(List.of());
            images.merge(match.image().id(), new DockerArchive.SavedImage(match.image().manifest(), tags), (a, b) -> {
                List<String> both = new ArrayList<>(a.tags());
                b.tags().stream().filter(tag -> !both.contains(tag)).forEach(both::add);
                return new DockerArchive.SavedImage(a.manifest(), both);
            });
        }
        return List.copyOf(images.values());
    }

    /**
     * Docker's {@code load}: a {@code docker save} tarball (any Docker version, or skopeo's {@code docker-archive}) or an
     * OCI image layout tarball, plain or gzipped, read as untrusted input. Every blob is verified, every layer unpacked
     * through the hostile-input-safe extractor; images are recorded, and tags moved to them, only once all of the
     * archive has passed. On failure nothing is recorded and what was stored is collected again.
     */
    public List<LoadedImage> load(InputStream archive, Consumer<LoadEvent> progress) {
        List<ImageLoader.Loaded> loaded;
        gcLock.readLock().lock();
        try {
            loaded = loader.load(archive, progress, this::knownSize);
            for (ImageLoader.Loaded image : loaded) {
                store.put(image.image(), Optional.empty(), Optional.empty());
                image.references().forEach(reference -> store.tag(image.image().id(), reference));
            }
        } catch (RuntimeException | Error e) {
            gcLock.readLock().unlock();
            try {
                collectGarbage();
            } catch (RuntimeException gcFailed) {
                e.addSuppressed(gcFailed);
            }
            throw e;
        }
        gcLock.readLock().unlock();
        return loaded.stream().map(image -> new LoadedImage(image.image().id(),
                image.references().stream().map(ImageService::familiar).toList())).toList();
    }

    private Image recordLocal(java.util.function.Supplier<ImageRecord> make, NewImage how) {
        Optional<String> tag = Optional.empty();
        if (how.reference() != null) {
            ImageReference ref = parse(how.reference());
            if (ref.digest() != null) {
                throw new InvalidArgumentException("tag " + how.reference() + ": refusing to create a tag with a digest reference");
            }
            tag = Optional.of(ref.name() + ":" + ref.tag());
        }
        gcLock.readLock().lock();
        try {
            ImageRecord made = make.get();
            store.put(made, tag, Optional.empty());
            return inspect(made.id().toString());
        } finally {
            gcLock.readLock().unlock();
        }
    }

    private LocalImages.Parent parent(ImageRecord record) {
        try (InputStream in = content.open(record.manifest().digest())) {
            return new LocalImages.Parent(record, config(record.id()), OciJson.parseManifest(in.readAllBytes()));
        } catch (IOException | ImageFormatException e) {
            throw new FailedPreconditionException("read manifest of image " + record.id() + ": " + e.getMessage(), e);
        }
    }

    /** The chain IDs of the image's layers, base first: what a container's {@code ContainerSpec} stacks. */
    public List<ChainId> layers(String nameOrId) {
        return resolve(nameOrId).image().layers();
    }

    /**
     * Creates the writable snapshot {@code key} over the image's layers and returns its mounts (overlay: lowerdirs,
     * topmost first, plus upper and work dirs), for the runtime.
     */
    public List<Mount> prepareRootfs(String key, String nameOrId) {
        return snapshotter.prepare(key, layers(nameOrId));
    }

    /** The content store, for archive export and push. */
    public ContentStore content() {
        return content;
    }

    private record Match(ImageRecord image, Optional<String> reference) {
    }

    private Match resolve(String nameOrId) {
        String text = nameOrId.strip();
        if (FULL_ID.matcher(text).matches()) {
            Digest id = Digest.parse(text.startsWith("sha256:") ? text : "sha256:" + text);
            Optional<ImageRecord> image = store.get(id);
            if (image.isPresent()) {
                return new Match(image.get(), Optional.empty());
            }
        }
        try {
            ImageReference ref = ImageReference.parse(text);
            Optional<ImageRecord> byRef = ref.digest() != null
                    ? store.byDigestReference(ref.name() + "@" + ref.digest()).map(image -> image)
                    : store.byTag(ref.name() + ":" + ref.tag());
            if (byRef.isPresent()) {
                String reference = ref.digest() != null ? ref.name() + "@" + ref.digest() : ref.name() + ":" + ref.tag();
                return new Match(byRef.get(), Optional.of(reference));
            }
        } catch (InvalidReferenceException notAReference) {
            // may still be an ID prefix
        }
        if (ID_PREFIX.matcher(text).matches()) {
            String prefix = text.startsWith("sha256:") ? text.substring(7) : text;
            List<ImageRecord> found = store.all().stream().filter(image -> image.id().hex().startsWith(prefix)).toList();
            if (found.size() == 1) {
                return new Match(found.get(0), Optional.empty());
            }
            if (found.size() > 1) {
                throw new InvalidArgumentException("image " + nameOrId + ": ambiguous ID prefix, " + found.size() + " images match");
            }
        }
        throw new NotFoundException("No such image: " + nameOrId);
    }

    private Image toImage(ImageRecord record, Map<ChainId, Integer> uses) {
        ImageConfig config = config(record.id());
        long shared = 0;
        for (int i = 0; i < record.layers().size(); i++) {
            if (uses.getOrDefault(record.layers().get(i), 0) > 1) {
                shared += record.layerSizes().get(i);
            }
        }
        return new Image(record.id(), record.tags().stream().map(ImageService::familiar).toList(),
                record.digests().stream().map(ImageService::familiar).toList(), record.manifest(),
                parseTime(config.created()), record.size(), shared, record.layers(), config);
    }

    private ImageConfig config(Digest id) {
        return configs.computeIfAbsent(id, digest -> {
            try (InputStream in = content.open(digest)) {
                return OciJson.parseConfig(in.readAllBytes());
            } catch (IOException | ImageFormatException e) {
                throw new FailedPreconditionException("read config of image " + digest + ": " + e.getMessage(), e);
            }
        });
    }

    private long knownSize(ChainId layer) {
        for (ImageRecord image : store.all()) {
            int index = image.layers().indexOf(layer);
            if (index >= 0) {
                return image.layerSizes().get(index);
            }
        }
        return LayerUnpacker.measure(snapshotter.layerPath(layer));
    }

    private static Map<ChainId, Integer> layerUses(List<ImageRecord> images) {
        Map<ChainId, Integer> uses = new HashMap<>();
        for (ImageRecord image : images) {
            image.layers().stream().distinct().forEach(layer -> uses.merge(layer, 1, Integer::sum));
        }
        return uses;
    }

    private static ImageReference parse(String reference) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidReferenceException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        }
    }

    private static String familiar(String fullReference) {
        return ImageReference.parse(fullReference).familiar();
    }

    private static @Nullable Instant parseTime(@Nullable String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int compareCreated(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
