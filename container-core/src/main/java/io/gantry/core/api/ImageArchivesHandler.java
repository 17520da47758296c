package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ProgressMessage;
import io.gantry.core.api.types.StreamMessage;
import io.gantry.core.image.ImageReference;
import io.gantry.core.image.InvalidReferenceException;
import io.gantry.core.images.Image;
import io.gantry.core.images.ImageService;
import io.gantry.core.images.LoadEvent;
import io.gantry.core.images.LoadedImage;
import io.gantry.core.images.NewImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Images in and out as archives: {@code docker save} ({@code GET /images/get}, {@code GET /images/{name}/get}),
 * {@code docker load} ({@code POST /images/load}, with dockerd's JSON message stream) and {@code docker import}
 * ({@code POST /images/create?fromSrc=-}, reached through {@link ImagesHandler}).
 */
final class ImageArchivesHandler {

    private final ImageService images;
    private final ObjectMapper json;

    ImageArchivesHandler(ImageService images, ObjectMapper json) {
        this.images = images;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/images/get", (rq, rs, p) -> save(rs, rq.query().getOrDefault("names", List.of())))
                .add("GET", "/images/{name*}/get", (rq, rs, p) -> save(rs, List.of(p.get("name"))))
                .add("POST", "/images/load", (rq, rs, p) -> load(rq, rs));
    }

    private void save(HttpResponse response, List<String> names) throws IOException {
        if (names.isEmpty()) {
            throw new ApiException(400, "no image names given to save");
        }
        LazyStream out = new LazyStream(response, "application/x-tar");
        images.save(names, out);
        out.close();
    }

    /**
     * Loads the request body. Progress ({@code Loading layer} bars, left out when {@code quiet}) and then one
     * {@code Loaded image: …} line per tag ({@code Loaded image ID: …} for an untagged image) stream as dockerd writes
     * them; a failure before the first line is an ordinary HTTP error, after it an {@code errorDetail} line.
     */
    private void load(HttpRequest request, HttpResponse response) throws IOException {
        boolean quiet = request.flag("quiet", false);
        LazyStream out = new LazyStream(response, "application/json");
        List<LoadedImage> loaded;
        try {
            loaded = images.load(request.body(), event -> {
                if (!quiet) {
                    write(out, progress(event));
                }
            });
        } catch (UncheckedIOException clientLeft) {
            response.closeAfterwards();
            return;
        } catch (RuntimeException e) {
            if (!out.started()) {
                throw e;
            }
            write(out, ProgressMessage.failure(ApiErrors.message(e)));
            out.close();
            return;
        }
        for (LoadedImage image : loaded) {
            if (image.tags().isEmpty()) {
                write(out, new StreamMessage("Loaded image ID: " + image.id() + "\n"));
            }
            for (String tag : image.tags()) {
                write(out, new StreamMessage("Loaded image: " + tag + "\n"));
            }
        }
        out.close();
    }

    private static ProgressMessage progress(LoadEvent event) {
        return new ProgressMessage(LoadEvent.STATUS, event.id(), new ProgressMessage.Detail(event.current(), event.total()),
                null, null, null);
    }

    /**
     * {@code docker import}: the request body is a root filesystem tarball ({@code fromSrc=-}; URLs are refused, this
     * engine fetches nothing from outside) that becomes a one-layer image tagged {@code repo} (which may carry the tag)
     * or {@code repo:tag}, with {@code changes} (CMD, ENV, EXPOSE, …) and {@code message} as its history comment.
     * Answers as dockerd does, with the new ID as a status line.
     */
    static void importRootfs(ImageService images, ObjectMapper json, HttpRequest request, HttpResponse response)
            throws IOException {
        String source = request.query("fromSrc").orElse("");
        if (!source.equals("-")) {
            throw new ApiException(400, "importing from " + source + " is not supported: send the tarball as the body "
                    + "(fromSrc=-)");
        }
        List<String> changes = request.query().getOrDefault("changes", List.of()).stream()
                .flatMap(String::lines).filter(change -> !change.isBlank()).toList();
        NewImage how = new NewImage(reference(request), "", request.query("message").orElse(""), changes);
        Image image = images.importRootfs(request.body(), how);
        OutputStream out = response.stream(200, "application/json");
        out.write(json.writeValueAsBytes(ProgressMessage.status(image.id().toString(), null)));
        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.close();
    }

    private static @org.jspecify.annotations.Nullable String reference(HttpRequest request) {
        String repo = request.query("repo").orElse("").strip();
        String tag = request.query("tag").orElse("").strip();
        if (repo.isEmpty()) {
            if (!tag.isEmpty()) {
                throw new ApiException(400, "a tag needs a repository (repo)");
            }
            return null;
        }
        try {
            ImageReference ref = ImageReference.parse(repo);
            if (ref.digest() != null) {
                throw new ApiException(400, "cannot import with a digest reference: " + repo);
            }
            return ref.name() + ":" + (tag.isEmpty() ? ref.tag() : tag);
        } catch (InvalidReferenceException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private void write(OutputStream out, Object message) {
        try {
            out.write(json.writeValueAsBytes(message));
            out.write('\r');
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
