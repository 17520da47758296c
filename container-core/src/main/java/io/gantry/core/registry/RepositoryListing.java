package io.gantry.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.image.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v2/_catalog?n=} and {@code GET /v2/<name>/tags/list?n=}, following the {@code Link: <…>; rel="next"}
 * header from page to page (distribution spec, "Listing Repositories" / "Listing Tags").
 */
final class RepositoryListing {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    /** Enough for any registry a person browses; a registry that paginates forever is cut off here. */
    static final int MAX_ENTRIES = 100_000;

    private final RegistryHttp http;

    RepositoryListing(RegistryHttp http) {
        this.http = http;
    }

    List<String> catalog(String registry, int pageSize, @Nullable Credentials credentials) {
        URI first = http.base(registry).resolve("_catalog?n=" + pageSize);
        return list("list repositories of " + registry, registry, "registry:catalog:*", first, "repositories", credentials);
    }

    List<String> tags(ImageReference repository, int pageSize, @Nullable Credentials credentials) {
        URI first = http.base(repository.domain()).resolve(repository.path() + "/tags/list?n=" + pageSize);
        return list("list tags of " + repository.name(), repository.domain(), ManifestFetch.pullScope(repository), first,
                "tags", credentials);
    }

    private List<String> list(String operation, String registry, String scope, URI first, String field,
                              @Nullable Credentials credentials) {
        List<String> entries = new ArrayList<>();
        for (Optional<URI> page = Optional.of(first); page.isPresent() && entries.size() < MAX_ENTRIES; ) {
            URI uri = page.get();
            HttpResponse<InputStream> response = http.send(operation, registry, scope, credentials,
                    RegistryHttp.Call.get(uri, Map.of("Accept", "application/json")));
            if (response.statusCode() != 200) {
                throw RegistryHttp.failure(operation, response);
            }
            try (InputStream body = response.body()) {
                JsonNode json = JSON.readTree(body.readNBytes(16 << 20));
                json.path(field).forEach(entry -> entries.add(entry.asText()));
            } catch (IOException e) {
                throw new RegistryException(operation + ": " + e.getMessage(), e);
            }
            page = next(uri, response);
        }
        return List.copyOf(entries.subList(0, Math.min(entries.size(), MAX_ENTRIES)));
    }

    /** The next page the {@code Link} header names, resolved against the page just read. */
    static Optional<URI> next(URI current, HttpResponse<?> response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher matcher = NEXT.matcher(link);
            if (matcher.find()) {
                return Optional.of(current.resolve(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
