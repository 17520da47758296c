package io.gantry.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A declared test double of Docker Hub's search API ({@code GET /v1/search?q=&n=} on {@code index.docker.io}, which
 * these machines cannot reach): on a free 127.0.0.1 port, it answers from a fixed list of repositories whose name or
 * description contains the term (case-insensitive), most stars first, at most {@code n}, in Hub's response shape.
 */
public final class SearchIndexDouble implements AutoCloseable {

    /** One repository the double knows. */
    public record Repository(String name, String description, int stars, boolean official) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Repository> repositories;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private SearchIndexDouble(HttpServer server, List<Repository> repositories) {
        this.server = server;
        this.repositories = List.copyOf(repositories);
    }

    public static SearchIndexDouble start(List<Repository> repositories) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        SearchIndexDouble index = new SearchIndexDouble(server, repositories);
        server.createContext("/v1/search", index::handle);
        server.start();
        return index;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** What to configure as the index URL. */
    public URI url() {
        return URI.create("http://" + host());
    }

    /** Each request's raw query, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(query == null ? "" : query);
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : (query == null ? "" : query).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            String term = params.getOrDefault("q", "").toLowerCase(Locale.ROOT);
            int pageSize = Integer.parseInt(params.getOrDefault("n", "25"));
            List<Map<String, Object>> results = new ArrayList<>();
            repositories.stream()
                    .filter(r -> r.name().toLowerCase(Locale.ROOT).contains(term)
                            || r.description().toLowerCase(Locale.ROOT).contains(term))
                    .sorted(Comparator.comparingInt(Repository::stars).reversed())
                    .limit(pageSize)
                    .forEach(r -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("name", r.name());
                        item.put("description", r.description());
                        item.put("star_count", r.stars());
                        item.put("is_official", r.official());
                        item.put("is_automated", false);
                        results.add(item);
                    });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("num_pages", 1);
            body.put("num_results", results.size());
            body.put("page_size", pageSize);
            body.put("page", 1);
            body.put("query", params.getOrDefault("q", ""));
            body.put("results", results);
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
