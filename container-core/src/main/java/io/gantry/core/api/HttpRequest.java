package io.gantry.core.api;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: the path without its {@code /v1.xx} prefix, the version the client asked for
 * (the current one when the path had none), decoded query parameters, headers by case-insensitive name, and the body
 * as a stream bounded by its length or chunking.
 */
record HttpRequest(String method, String path, ApiVersion version, Map<String, List<String>> query,
        Map<String, String> headers, InputStream body) {

    Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Docker's boolean query parameters: {@code 1}, {@code true} (any case) are true; absent is the default. */
    boolean flag(String name, boolean absent) {
        return query(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(absent);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
