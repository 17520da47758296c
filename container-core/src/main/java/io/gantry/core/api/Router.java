package io.gantry.core.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the handler of a request by method and path pattern, e.g. {@code POST /containers/{id}/start}. */
final class Router {

    /** What a route runs; path parameters by name (an image name may span slashes, see {@link #add}). */
    @FunctionalInterface
    interface Handler {
        void handle(HttpRequest request, HttpResponse response, Map<String, String> params) throws IOException;
    }

    record Match(Handler handler, Map<String, String> params) {
    }

    private record Route(String method, Pattern pattern, List<String> names, Handler handler) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(\\*?)}");

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route. {@code {name}} matches one path segment; {@code {name*}} matches one or more segments, for
     * image names such as {@code localhost:5000/team/app:1}.
     */
    Router add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), List.copyOf(names), handler));
        return this;
    }

    /** The route for a request; a path known under another method only is still "not found", as Docker answers. */
    Optional<Match> find(String method, String path) {
        for (Route route : routes) {
            if (!route.method.equals(method)) {
                continue;
            }
            Matcher m = route.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    params.put(route.names.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(route.handler, params));
            }
        }
        return Optional.empty();
    }
}
