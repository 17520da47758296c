package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.AuthConfig;
import io.gantry.core.api.types.AuthResponse;
import io.gantry.core.api.types.ImageSearchResult;
import io.gantry.core.api.types.ProgressMessage;
import io.gantry.core.api.types.PushAux;
import io.gantry.core.image.ImageReference;
import io.gantry.core.images.ImageService;
import io.gantry.core.images.PushEvent;
import io.gantry.core.registry.Credentials;
import io.gantry.core.registry.RegistryClient;
import io.gantry.core.registry.RegistryException;
import io.gantry.core.registry.SearchResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The endpoints that talk to registries for the client: {@code POST /images/{name}/push} (Docker's progress stream),
 * {@code GET /images/search} (the configured index, filtered as dockerd filters) and {@code POST /auth} (a login check;
 * nothing is stored, the CLI keeps the credentials and sends them with each pull and push).
 */
final class RegistryHandler {

    private static final int DEFAULT_SEARCH_LIMIT = 25;
    private static final int MAX_BODY = 64 * 1024;

    private final Optional<ImageService> images;
    private final RegistryClient registry;
    private final ObjectMapper json;

    RegistryHandler(Optional<ImageService> images, RegistryClient registry, ObjectMapper json) {
        this.images = images;
        this.registry = registry;
        this.json = json;
    }

    void register(Router router) {
        images.ifPresent(service -> router.add("POST", "/images/{name*}/push", (rq, rs, p) -> push(service, rq, rs, p.get("name"))));
        router.add("GET", "/images/search", (rq, rs, p) -> search(rq, rs))
                .add("POST", "/auth", (rq, rs, p) -> login(rq, rs));
    }

    /** {@code tag} empty pushes every local tag of the repository, as {@code docker push --all-tags} asks. */
    private void push(ImageService service, HttpRequest request, HttpResponse response, String name) throws IOException {
        String tag = request.query("tag").orElse("");
        Credentials credentials = request.header("X-Registry-Auth").flatMap(RegistryHandler::decode).orElse(null);
        ProgressStream stream = new ProgressStream(response, json);
        Consumer<PushEvent> sink = event -> {
            stream.send(progress(event));
            if (event.status() == PushEvent.Status.DIGEST) {
                stream.send(PushAux.of(event.id(), event.detail(), event.total()));
            }
        };
        stream.run(() -> {
            if (tag.isEmpty()) {
                service.pushAllTags(name, credentials, sink);
            } else {
                service.push(name + ":" + tag, credentials, sink);
            }
        });
    }

    static ProgressMessage progress(PushEvent event) {
        ProgressMessage.Detail detail = event.status() == PushEvent.Status.PUSHING
                ? new ProgressMessage.Detail(event.current(), event.total())
                : event.status().isLayerEvent() ? new ProgressMessage.Detail(0, 0) : null;
        return new ProgressMessage(event.statusLine(), event.id().isEmpty() || !event.status().isLayerEvent() ? null : event.id(),
                detail, null, null, null);
    }

    /** Docker's rules: limit 1–100 (25 when absent or 0); filters {@code is-official}, {@code stars}, {@code is-automated}. */
    private void search(HttpRequest request, HttpResponse response) throws IOException {
        String term = request.query("term").orElse("");
        int limit = request.query("limit").filter(s -> !s.isBlank()).map(RegistryHandler::limit).orElse(0);
        Filters filters = Filters.parse(request, json, Set.of("is-official", "is-automated", "stars"));
        Optional<Boolean> official = bool(filters, "is-official");
        int minStars = 0;
        for (String stars : filters.get("stars")) {
            try {
                minStars = Math.max(minStars, Integer.parseInt(stars));
            } catch (NumberFormatException e) {
                throw new ApiException(400, "invalid filter 'stars=" + stars + "'");
            }
        }
        if (bool(filters, "is-automated").orElse(false)) {
            response.json(200, List.of()); // deprecated: nothing is an automated build any more
            return;
        }
        // For search a missing or unreadable X-Registry-Auth is no error, as dockerd has it.
        Credentials credentials = request.header("X-Registry-Auth").flatMap(header -> {
            try {
                return Credentials.fromXRegistryAuth(header);
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }).orElse(null);
        List<ImageSearchResult> results = new ArrayList<>();
        for (SearchResult found : registry.search(term, limit == 0 ? DEFAULT_SEARCH_LIMIT : limit, credentials)) {
            if (official.map(wanted -> wanted == found.official()).orElse(true) && found.stars() >= minStars) {
                results.add(new ImageSearchResult(found.stars(), found.official(), found.name(), false, found.description()));
            }
        }
        response.json(200, results);
    }

    /**
     * {@code serveraddress} as the CLI sends it ({@code https://index.docker.io/v1/}, {@code host:port}) → the registry;
     * the credentials are checked there and forgotten.
     */
    private void login(HttpRequest request, HttpResponse response) throws IOException {
        AuthConfig auth = json.readValue(request.body().readNBytes(MAX_BODY), AuthConfig.class);
        String username = auth.username() == null ? "" : auth.username();
        if (username.isEmpty()) {
            throw new ApiException(400, "a user name is required to log in");
        }
        String server = registryOf(auth.serverAddress() == null ? "" : auth.serverAddress());
        try {
            registry.login(server, new Credentials(username, auth.password() == null ? "" : auth.password()));
        } catch (RegistryException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new ApiException(401, e.getMessage());
            }
            throw e;
        }
        response.json(200, AuthResponse.SUCCEEDED);
    }

    static String registryOf(String serverAddress) {
        String address = serverAddress.strip();
        if (address.contains("://")) {
            URI uri = URI.create(address);
            address = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        }
        if (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        if (address.isEmpty() || address.equals("index.docker.io") || address.equals("registry-1.docker.io")) {
            return ImageReference.DOCKER_HUB;
        }
        return address;
    }

    private static Optional<Credentials> decode(String header) {
        try {
            return Credentials.fromXRegistryAuth(header);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ApiException(400, "invalid limit specified: " + text);
    }

    private static Optional<Boolean> bool(Filters filters, String key) {
        Optional<Boolean> value = Optional.empty();
        for (String text : filters.get(key)) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false") && !text.equals("1") && !text.equals("0")) {
                throw new ApiException(400, "invalid filter '" + key + "=" + text + "'");
            }
            value = Optional.of(text.equalsIgnoreCase("true") || text.equals("1"));
        }
        return value;
    }
}
