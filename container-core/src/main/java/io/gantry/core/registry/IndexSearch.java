package io.gantry.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Docker Hub's search API, {@code GET <index>/v1/search?q=<term>&n=<limit>}, as moby's {@code registry/search} calls it:
 * a term naming a registry ({@code host:5000/app}) searches that registry's index instead of the configured one, and
 * {@code library/} is dropped from terms for the official index, whose official images are named without it.
 */
final class IndexSearch {

    static final int MIN_LIMIT = 1;
    static final int MAX_LIMIT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryHttp http;
    private final RegistrySettings settings;

    IndexSearch(RegistryHttp http, RegistrySettings settings) {
        this.http = http;
        this.settings = settings;
    }

    List<SearchResult> search(String term, int limit, @Nullable Credentials credentials) {
        String operation = "search " + term;
        if (term.contains("://")) {
            throw new RegistryException(operation + ": invalid repository name: repository name (" + term
                    + ") should not have a scheme", 400);
        }
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new RegistryException(operation + ": limit " + limit + " is outside the range of [" + MIN_LIMIT + ", "
                    + MAX_LIMIT + "]", 400);
        }
        URI index = settings.indexUrl();
        String remote = term;
        int slash = term.indexOf('/');
        String first = slash < 0 ? "" : term.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            index = URI.create((settings.isInsecure(first) ? "http://" : "https://") + first);
            remote = term.substring(slash + 1);
        } else if (remote.startsWith("library/")) {
            remote = remote.substring("library/".length());
        }
        URI uri = index.resolve("/v1/search?q=" + URLEncoder.encode(remote, StandardCharsets.UTF_8) + "&n=" + limit);
        HttpResponse<InputStream> response = http.sendDirect(operation + " at " + index,
                RegistryHttp.Call.get(uri, Map.of("X-Docker-Token", "true", "Accept", "application/json")),
                credentials == null ? null : credentials.basicHeader());
        if (response.statusCode() != 200) {
            throw RegistryHttp.failure(operation + " at " + index, response);
        }
        try (InputStream body = response.body()) {
            JsonNode json = JSON.readTree(body.readNBytes(16 << 20));
            List<SearchResult> results = new ArrayList<>();
            for (JsonNode result : json.path("results")) {
                results.add(new SearchResult(result.path("name").asText(""), result.path("description").asText(""),
                        result.path("is_official").asBoolean(false), result.path("star_count").asInt(0),
                        result.path("is_automated").asBoolean(false)));
            }
            return List.copyOf(results);
        } catch (IOException e) {
            throw new RegistryException(operation + " at " + index + ": " + e.getMessage(), e);
        }
    }
}
