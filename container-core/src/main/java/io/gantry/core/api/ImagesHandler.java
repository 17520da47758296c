package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ImageDeleteItem;
import io.gantry.core.api.types.ImageInspect;
import io.gantry.core.api.types.ImageSummary;
import io.gantry.core.api.types.ProgressMessage;
import io.gantry.core.content.Digest;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.images.HistoryEntry;
import io.gantry.core.images.Image;
import io.gantry.core.images.ImageService;
import io.gantry.core.images.PullEvent;
import io.gantry.core.images.RemovedImages;
import io.gantry.core.registry.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The image endpoints: pull with Docker's progress stream, list, inspect, tag, remove. */
final class ImagesHandler {

    private final ImageService images;
    private final ObjectMapper json;

    ImagesHandler(ImageService images, ObjectMapper json) {
        this.images = images;
        this.json = json;
    }

    void register(Router router) {
        router.add("POST", "/images/create", (rq, rs, p) -> pull(rq, rs))
                .add("GET", "/images/json", (rq, rs, p) -> list(rq, rs))
                .add("GET", "/images/{name*}/json", (rq, rs, p) -> rs.json(200, inspect(images.inspect(p.get("name")))))
                .add("POST", "/images/{name*}/tag", (rq, rs, p) -> tag(rq, rs, p.get("name")))
                .add("DELETE", "/images/{name*}", (rq, rs, p) -> remove(rq, rs, p.get("name")))
                .add("GET", "/images/{name*}/history", (rq, rs, p) -> rs.json(200, history(p.get("name"))));
    }

    /**
     * Pulls, streaming Docker's JSON progress. A failure before anything was streamed is an ordinary HTTP error (the
     * CLI prints it as such); after that it is an {@code errorDetail} line, as Docker writes it.
     */
    private void pull(HttpRequest request, HttpResponse response) throws IOException {
        if (request.query("fromSrc").isPresent()) {
            ImageArchivesHandler.importRootfs(images, json, request, response);
            return;
        }
        String from = request.query("fromImage").filter(s -> !s.isBlank())
                .orElseThrow(() -> new ApiException(400, "fromImage or fromSrc is required"));
        String tag = request.query("tag").orElse("");
        String reference = tag.isEmpty() ? from : tag.startsWith("sha256:") ? from + "@" + tag : from + ":" + tag;
        Credentials credentials = request.header("X-Registry-Auth").flatMap(Credentials::fromXRegistryAuth).orElse(null);
        OutputStream[] stream = new OutputStream[1];
        try {
            images.pull(reference, credentials, event -> {
                try {
                    if (stream[0] == null) {
                        stream[0] = response.stream(200, "application/json");
                    }
                    write(stream[0], progress(event));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException clientLeft) {
            response.closeAfterwards();
            return;
        } catch (RuntimeException e) {
            if (stream[0] == null) {
                throw e;
            }
            write(stream[0], ProgressMessage.failure(ApiErrors.message(e)));
        }
        if (stream[0] == null) {
            stream[0] = response.stream(200, "application/json");
        }
        stream[0].close();
    }

    private void write(OutputStream out, ProgressMessage message) throws IOException {
        out.write(json.writeValueAsBytes(message));
        out.write('\r');
        out.write('\n');
    }

    static ProgressMessage progress(PullEvent event) {
        boolean bytes = event.status() == PullEvent.Status.DOWNLOADING || event.status() == PullEvent.Status.EXTRACTING;
        return new ProgressMessage(event.statusLine(), event.id().isEmpty() ? null : event.id(),
                bytes ? new ProgressMessage.Detail(event.current(), event.total()) : event.status().isLayerEvent()
                        ? new ProgressMessage.Detail(0, 0) : null, null, null, null);
    }

    private void list(HttpRequest request, HttpResponse response) throws IOException {
        List<ImageSummary> result = new ArrayList<>();
        for (Image image : images.list()) {
            if (image.repoTags().isEmpty() && !request.flag("all", false) && !image.repoDigests().isEmpty()) {
                continue;
            }
            result.add(summary(image, request.flag("shared-size", false) ? image.sharedSize() : -1, -1,
                    request.version()));
        }
        response.json(200, result);
    }

    /** Docker's image summary; {@code -1} for a figure not computed, as Docker writes it. */
    static ImageSummary summary(Image image, long sharedSize, int containers, ApiVersion version) {
        return new ImageSummary(image.id().toString(), "", image.repoTags(), image.repoDigests(),
                image.created() == null ? 0 : image.created().getEpochSecond(), image.size(), sharedSize,
                image.containerConfig().labels(), containers,
                version.atLeast(new ApiVersion(1, 44)) ? null : image.size());
    }

    static ImageInspect inspect(Image image) {
        ImageConfig.ContainerConfig c = image.containerConfig();
        ContainerConfig config = new ContainerConfig("", "", c.user() == null ? "" : c.user(), false, false, false,
                c.exposedPorts(), false, false, false, c.env(), c.cmd(), "", c.volumes(),
                c.workingDir() == null ? "" : c.workingDir(), c.entrypoint(), c.labels(), c.stopSignal(), null);
        ImageConfig raw = image.config();
        // Docker's Comment is the message of the step that made the image (a commit's, an import's).
        String comment = raw.history().isEmpty() ? null : raw.history().get(raw.history().size() - 1).comment();
        return new ImageInspect(image.id().toString(), image.repoTags(), image.repoDigests(), "",
                comment == null ? "" : comment,
                image.created() == null ? Instant.EPOCH.toString() : image.created().toString(),
                raw.author() == null ? "" : raw.author(), config, raw.architecture(), raw.os(), image.size(),
                new ImageInspect.RootFs("layers", raw.rootfs().diffIds()), Map.of());
    }

    private List<Map<String, Object>> history(String name) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (HistoryEntry h : images.history(name)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("Id", h.id());
            item.put("Created", h.created() == null ? 0 : h.created().getEpochSecond());
            item.put("CreatedBy", h.createdBy());
            item.put("Tags", h.tags());
            item.put("Size", h.size());
            item.put("Comment", h.comment());
            result.add(item);
        }
        return result;
    }

    private void tag(HttpRequest request, HttpResponse response, String name) throws IOException {
        String repo = request.query("repo").filter(s -> !s.isBlank())
                .orElseThrow(() -> new ApiException(400, "repository name (repo) is required"));
        String tag = request.query("tag").filter(s -> !s.isBlank()).orElse("latest");
        images.tag(name, repo + ":" + tag);
        response.empty(201);
    }

    private void remove(HttpRequest request, HttpResponse response, String name) throws IOException {
        RemovedImages removed = images.remove(name, request.flag("force", false));
        List<ImageDeleteItem> items = new ArrayList<>();
        removed.untagged().forEach(t -> items.add(new ImageDeleteItem(t, null)));
        for (Digest id : removed.deleted()) {
            items.add(new ImageDeleteItem(null, id.toString()));
        }
        response.json(200, items);
    }

}
