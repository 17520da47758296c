package io.gantry.console.image;

import io.gantry.console.activity.ActivityService;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.ImageLayer;
import io.gantry.console.engine.PrunedImages;
import io.gantry.console.registry.RegistryService;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.ImageSummary;
import io.gantry.core.api.types.ProgressMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The images page's one service. */
@Service
public class ImageOperations {

    private final EngineClient engine;
    private final ActivityService activity;
    /** Image reference → the {@code X-Registry-Auth} header for its registry, when the console has credentials. */
    private final Function<String, Optional<String>> registryAuth;

    @Autowired
    ImageOperations(EngineClient engine, RegistryService registries, ActivityService activity) {
        this(engine, registries::registryAuthFor, activity);
    }

    ImageOperations(EngineClient engine, Function<String, Optional<String>> registryAuth, ActivityService activity) {
        this.engine = engine;
        this.registryAuth = registryAuth;
        this.activity = activity;
    }

    /** One row per tag (untagged images once), sorted by reference, each with the containers using the image. */
    public List<ImageRow> list() {
        Map<String, List<String>> users = new HashMap<>();
        for (ContainerSummary c : engine.listContainers(true)) {
            String name = c.names() == null || c.names().isEmpty() ? c.id() : c.names().get(0).replaceFirst("^/", "");
            users.computeIfAbsent(c.imageId(), id -> new ArrayList<>()).add(name);
        }
        List<ImageRow> rows = new ArrayList<>();
        for (ImageSummary image : engine.listImages()) {
            List<String> usedBy = users.getOrDefault(image.id(), List.of()).stream().sorted().toList();
            List<String> tags = image.repoTags() == null || image.repoTags().isEmpty() ? List.of(ImageRow.UNTAGGED)
                    : image.repoTags();
            for (String tag : tags) {
                rows.add(new ImageRow(image.id(), tag, image.size(), Instant.ofEpochSecond(image.created()), usedBy));
            }
        }
        rows.sort(Comparator.comparing(ImageRow::reference));
        return rows;
    }

    /**
     * Pulls {@code reference} ({@code name}, {@code name:tag}; no tag means {@code latest}), handing each step to
     * {@code progress} on the calling thread, with the credentials the console keeps for the image's registry. A
     * failure reported by the engine is thrown with its message.
     */
    public void pull(String reference, Consumer<PullProgress> progress) {
        ImageName name = ImageName.parse(reference);
        activity.recordAction("image.pull", name.toString(), "", () -> engine.pullImage(name.repository(), name.tag(),
                registryAuth.apply(reference.strip()).orElse(null), message -> progress.accept(progress(message))));
    }

    /** Layer lines carry a {@code progressDetail} (empty when sizeless); "Pulling from …" has an id (the tag) but none. */
    static PullProgress progress(ProgressMessage m) {
        ProgressMessage.Detail detail = m.progressDetail();
        return new PullProgress(m.id() == null || detail == null ? "" : m.id(), m.status() == null ? "" : m.status(),
                detail == null ? 0 : detail.current(), detail == null ? 0 : detail.total());
    }

    /**
     * Removes each image tag (or untagged image) in turn; the image itself goes with its last tag. An image used by a
     * container is refused with the engine's reason, and the others are still removed.
     */
    public RemovalResult remove(List<ImageRow> images) {
        List<String> removed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (ImageRow image : images) {
            String shown = image.shownName();
            try {
                activity.recordAction("image.remove", shown, "", () -> engine.removeImage(image.removalName(), false));
                removed.add(shown);
            } catch (EngineCallException e) {
                refused.put(shown, e.getMessage());
            }
        }
        return new RemovalResult(removed, refused);
    }

    /** The steps that made {@code image}, newest first. */
    public List<ImageLayer> history(ImageRow image) {
        return engine.imageHistory(image.id());
    }

    /**
     * Writes {@code image}'s {@code docker save} archive to {@code out} as the engine streams it; named by its tag, the
     * archive keeps the tag for a later import.
     */
    public void export(ImageRow image, OutputStream out) {
        activity.recordAction("image.export", image.shownName(), "", () -> engine.saveImage(image.removalName(), out));
    }

    /**
     * Imports an uploaded tarball: a {@code docker save} archive or OCI layout is loaded with the names it carries; any
     * other tar becomes a one-layer image of that root filesystem, tagged {@code reference} when one is given. What
     * the engine refuses (not an archive, a hostile path) is thrown with its reason.
     *
     * @param upload   where the upload was stored
     * @param fileName the name the file had on the user's machine, for the activity log
     */
    public ImportResult importTarball(Path upload, String fileName, String reference) {
        Optional<ImageName> name = reference.isBlank() ? Optional.empty() : Optional.of(ImageName.parse(reference));
        return activity.recordAction("image.import", fileName, name.map(n -> "as " + n).orElse(""), () -> {
            try (InputStream in = Files.newInputStream(upload)) {
                long length = Files.size(upload);
                if (TarballKind.of(upload) == TarballKind.ROOT_FILESYSTEM) {
                    String id = engine.importRootfs(in, length, name.map(ImageName::toString).orElse(null));
                    return new ImportResult(List.of("Imported " + name.map(n -> n + " (" + id + ")").orElse(id)));
                }
                if (name.isPresent()) {
                    throw new InvalidImageReferenceException(fileName + " is an image archive: it is loaded with the "
                            + "names it carries, so leave the name empty (tag it afterwards)");
                }
                return new ImportResult(engine.loadImages(in, length));
            } catch (IOException e) {
                throw new UncheckedIOException("read the upload " + fileName + ": " + e.getMessage(), e);
            }
        });
    }

    /** Deletes dangling images (untagged and unused), saying what went and how much space that freed. */
    public PrunedImages prune() {
        return activity.recordAction("image.prune", "dangling images", "", engine::pruneImages);
    }

    /** Adds the tag {@code newReference} ({@code repo[:tag]}, no tag meaning {@code latest}) to {@code image}. */
    public void tag(ImageRow image, String newReference) {
        ImageName name = ImageName.parse(newReference);
        activity.recordAction("image.tag", image.reference(), "as " + name,
                () -> engine.tagImage(image.id(), name.repository(), name.tag()));
    }
}
