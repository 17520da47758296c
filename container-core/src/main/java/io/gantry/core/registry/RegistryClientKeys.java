package io.gantry.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client certificate the registry client shows a registry that asks for one (mutual TLS): Docker's
 * {@code <certs dir>/<host:port>/NAME.cert} with its key {@code NAME.key} beside it (PEM; the key unencrypted PKCS#8,
 * as {@code openssl} writes it). Read when a handshake asks, like the CAs, so certificates added while the engine runs
 * take effect. A registry without such files gets no certificate, as before.
 */
final class RegistryClientKeys extends X509ExtendedKeyManager {

    private static final Logger log = LoggerFactory.getLogger(RegistryClientKeys.class);

    private final @Nullable Path certsDir;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /** A certificate chain and its key; {@code stamp} tells when the files changed. */
    private record Loaded(String stamp, X509Certificate[] chain, PrivateKey key) {
    }

    RegistryClientKeys(@Nullable Path certsDir) {
        this.certsDir = certsDir;
    }

    @Override
    public @Nullable String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        if (engine == null || engine.getPeerHost() == null) {
            return null;
        }
        int port = engine.getPeerPort();
        String host = engine.getPeerHost();
        Path directory = RegistryTrust.directoryOf(certsDir, port == 443 || port < 0 ? host : host + ":" + port);
        if (directory == null || !Files.isDirectory(directory)) {
            return null;
        }
        for (Path certificate : certificateFiles(directory)) {
            Loaded pair = load(certificate);
            if (pair != null && fits(pair.key(), keyTypes)) {
                return certificate.toString();
            }
        }
        return null;
    }

    @Override
    public X509Certificate @Nullable [] getCertificateChain(String alias) {
        Loaded pair = loaded.get(alias);
        return pair == null ? null : pair.chain().clone();
    }

    @Override
    public @Nullable PrivateKey getPrivateKey(String alias) {
        Loaded pair = loaded.get(alias);
        return pair == null ? null : pair.key();
    }

    @Override
    public String @Nullable [] getClientAliases(String keyType, Principal[] issuers) {
        return null; // chosen per registry in chooseEngineClientAlias
    }

    @Override
    public @Nullable String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return null; // the HTTP client uses engines
    }

    @Override
    public String @Nullable [] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public @Nullable String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    private static boolean fits(PrivateKey key, String[] keyTypes) {
        for (String type : keyTypes) {
            if (type.equals(key.getAlgorithm()) || (type.equals("RSASSA-PSS") && key.getAlgorithm().equals("RSA"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> certificateFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.cert")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            log.warn("read client certificates in {}: {}", directory, e.getMessage());
        }
        files.sort(null);
        return files;
    }

    /** The pair of {@code certificate} and its {@code .key}, loaded again when either changed; null when unusable. */
    private @Nullable Loaded load(Path certificate) {
        String name = certificate.getFileName().toString();
        Path key = certificate.resolveSibling(name.substring(0, name.length() - ".cert".length()) + ".key");
        String stamp = stamp(certificate) + " " + stamp(key);
        Loaded cached = loaded.get(certificate.toString());
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached;
        }
        try {
            if (!Files.isRegularFile(key)) {
                throw new IOException("its key " + key.getFileName() + " is missing");
            }
            Loaded pair = new Loaded(stamp, chain(certificate), privateKey(key));
            loaded.put(certificate.toString(), pair);
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            // a handshake cannot carry this reason; the registry's refusal will follow, and the log says why
            log.warn("client certificate {} is not used: {}", certificate, e.getMessage());
            return null;
        }
    }

    private static String stamp(Path file) {
        return file.toFile().lastModified() + ":" + file.toFile().length();
    }

    private static X509Certificate[] chain(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in).forEach(c -> chain.add((X509Certificate) c));
            if (chain.isEmpty()) {
                throw new IOException("holds no certificate");
            }
            return chain.toArray(X509Certificate[]::new);
        }
    }

    /** A PEM PKCS#8 private key of any algorithm Java knows (RSA, EC, Ed25519). */
    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException("not an unencrypted PKCS#8 PEM key (convert it with: openssl pkcs8 -topk8 -nocrypt -in "
                    + pem.getFileName() + ")");
        }
        String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27, text.indexOf("-----END PRIVATE KEY-----"));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64));
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("a key of no known algorithm (RSA, EC, Ed25519): " + last.getMessage(), last);
    }
}
