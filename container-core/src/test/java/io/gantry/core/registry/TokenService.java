package io.gantry.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A declared test double of Docker Hub's auth service ({@code auth.docker.io/token}, distribution's token spec): on
 * loopback, it answers {@code GET /token?service=&scope=…} with a JWT signed RS256 by a key whose certificate (issued by
 * the test CA, sent in the {@code x5c} header) the registry trusts through its {@code rootcertbundle}.
 *
 * <p>Its policy: the one configured user gets every action asked for; an anonymous request gets a token granting
 * nothing (as Hub answers for a private repository); a wrong password gets 401 with Hub's
 * {@code {"details":"incorrect username or password"}}.
 */
public final class TokenService implements AutoCloseable {

    public static final String ISSUER = "gantry-test-token-issuer";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final String service;
    private final Credentials user;
    private final PrivateKey key;
    private final String certificate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TokenService(HttpServer server, String service, Credentials user, TestCertificates.Issued signer)
            throws IOException {
        this.server = server;
        this.service = service;
        this.user = user;
        this.key = signer.privateKey("RSA");
        try {
            this.certificate = Base64.getEncoder().encodeToString(signer.x509().getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    /** Starts the service on a free 127.0.0.1 port, issuing tokens for {@code service} to {@code user}. */
    public static TokenService start(String service, Credentials user, TestCertificates.Issued signer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        TokenService tokens = new TokenService(server, service, user, signer);
        server.createContext("/token", tokens::handle);
        server.start();
        return tokens;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The realm registries name in their challenge. */
    public String realm() {
        return "http://" + host() + "/token";
    }

    /** Each request's query and the user it authenticated as ({@code -} for none), in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> params = parse(query == null ? "" : query);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String who = authorization == null ? "-" : basicUser(authorization);
            requests.add(who + " " + query);
            if (authorization != null && !authorization.equals(user.basicHeader())) {
                send(exchange, 401, Map.of("details", "incorrect username or password"));
                return;
            }
            if (!service.equals(first(params, "service"))) {
                send(exchange, 400, Map.of("details", "unknown service " + first(params, "service")));
                return;
            }
            List<Map<String, Object>> access = new ArrayList<>();
            if (authorization != null) {
                for (String scope : params.getOrDefault("scope", List.of())) {
                    access.addAll(grant(scope));
                }
            }
            String token = sign(authorization == null ? "" : user.username(), access);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", 300);
            body.put("issued_at", Instant.now().toString());
            send(exchange, 200, body);
        }
    }

    /** {@code repository:team/app:pull,push} → one access entry; the name may hold no colon but the type and actions split off. */
    private static List<Map<String, Object>> grant(String scope) {
        List<Map<String, Object>> access = new ArrayList<>();
        for (String one : scope.split(" ")) {
            int first = one.indexOf(':');
            int last = one.lastIndexOf(':');
            if (first < 0 || last == first) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", one.substring(0, first));
            entry.put("name", one.substring(first + 1, last));
            entry.put("actions", List.of(one.substring(last + 1).split(",")));
            access.add(entry);
        }
        return access;
    }

    private String sign(String subject, List<Map<String, Object>> access) throws IOException {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(certificate));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("aud", service);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        String signed = URL.encodeToString(JSON.writeValueAsBytes(header)) + "." + URL.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("sign token: " + e.getMessage(), e);
        }
    }

    private static String basicUser(String authorization) {
        if (!authorization.startsWith("Basic ")) {
            return "?";
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        return decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of("")).get(0);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
