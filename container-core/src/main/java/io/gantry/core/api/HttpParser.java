package io.gantry.core.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads HTTP/1.1 requests off a connection, within limits that keep a hostile client from exhausting memory. */
final class HttpParser {

    static final int MAX_REQUEST_LINE = 16 * 1024;
    static final int MAX_HEADER_LINE = 16 * 1024;
    static final int MAX_HEADERS = 100;

    private static final Pattern VERSIONED = Pattern.compile("/v([0-9]{1,4}\\.[0-9]{1,4})(/.*)");

    private HttpParser() {
    }

    /** The next request, or empty when the client closed the connection between requests. */
    static Optional<HttpRequest> read(InputStream in) throws IOException {
        String requestLine;
        try {
            requestLine = readLine(in, MAX_REQUEST_LINE);
        } catch (EOFException closed) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new ApiException(400, "malformed request line");
        }
        Map<String, String> headers = readHeaders(in);
        String target = parts[1];
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        Map<String, List<String>> query = q < 0 ? Map.of() : decodeQuery(target.substring(q + 1));
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        ApiVersion version = ApiVersion.CURRENT;
        Matcher versioned = VERSIONED.matcher(path);
        if (versioned.matches()) {
            version = ApiVersion.parse(versioned.group(1));
            path = versioned.group(2);
        }
        return Optional.of(new HttpRequest(parts[0], path, version, query, headers, body(in, headers)));
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(in, MAX_HEADER_LINE); !line.isEmpty(); line = readLine(in, MAX_HEADER_LINE)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ApiException(400, "malformed header line");
            }
            if (headers.size() >= MAX_HEADERS) {
                throw new ApiException(431, "too many request headers");
            }
            headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static InputStream body(InputStream in, Map<String, String> headers) {
        String encoding = headers.get("Transfer-Encoding");
        if (encoding != null) {
            if (!encoding.equalsIgnoreCase("chunked")) {
                throw new ApiException(400, "unsupported transfer encoding: " + encoding);
            }
            return new ChunkedInputStream(in);
        }
        String length = headers.get("Content-Length");
        if (length == null) {
            return InputStream.nullInputStream();
        }
        try {
            long n = Long.parseLong(length.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return new BoundedInputStream(in, n);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "malformed Content-Length: " + length);
        }
    }

    static Map<String, List<String>> decodeQuery(String query) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, as HTTP defines header bytes. */
    static String readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    throw new EOFException();
                }
                throw new ApiException(400, "connection closed inside a line");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= max) {
                throw new ApiException(431, "request line or header too long");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
