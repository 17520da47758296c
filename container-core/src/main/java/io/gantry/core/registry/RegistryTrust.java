package io.gantry.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Which servers the registry client trusts over TLS: the system's CAs, plus for one registry the {@code *.crt} files
 * in {@code <certs dir>/<host:port>/} (Docker's {@code /etc/docker/certs.d} convention; {@code <host>} alone for port
 * 443). The directory is read when a connection is made, so certificates added while the engine runs take effect.
 * Host names are verified as usual in both cases.
 */
final class RegistryTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager system;
    private final @Nullable Path certsDir;
    private final Map<Path, Cached> perRegistry = new ConcurrentHashMap<>();

    private record Cached(List<String> stamps, X509ExtendedTrustManager trust) {
    }

    private RegistryTrust(X509ExtendedTrustManager system, @Nullable Path certsDir) {
        this.system = system;
        this.certsDir = certsDir;
    }

    /** A TLS context trusting the system CAs and, per registry, the CAs under {@code certsDir} (none when null). */
    static SSLContext context(@Nullable Path certsDir) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new RegistryTrust(trustManager(null), certsDir)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    /** The directory of registry {@code hostPort}'s CAs, when the settings name a certs directory. */
    static @Nullable Path directoryOf(@Nullable Path certsDir, String hostPort) {
        if (certsDir == null || hostPort.contains("/") || hostPort.startsWith(".")) {
            return null;
        }
        return certsDir.resolve(hostPort);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        String peer = engine == null ? null : engine.getPeerHost();
        int port = engine == null ? -1 : engine.getPeerPort();
        try {
            system.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException untrustedBySystem) {
            X509ExtendedTrustManager extra = extra(peer, port);
            if (extra == null) {
                throw untrustedBySystem;
            }
            extra.checkServerTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        system.checkServerTrusted(chain, authType, socket); // the HTTP client uses engines; sockets get the system CAs
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the registry client trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the registry client trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the registry client trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    /** The trust manager of the peer's own CAs, or null when it has none. */
    private @Nullable X509ExtendedTrustManager extra(@Nullable String host, int port) throws CertificateException {
        if (host == null) {
            return null;
        }
        Path directory = directoryOf(certsDir, port == 443 || port < 0 ? host : host + ":" + port);
        if (directory == null || !Files.isDirectory(directory)) {
            return null;
        }
        List<Path> files = caFiles(directory);
        if (files.isEmpty()) {
            return null;
        }
        List<String> stamps = new ArrayList<>();
        for (Path file : files) {
            stamps.add(file.getFileName() + " " + file.toFile().lastModified() + " " + file.toFile().length());
        }
        Cached cached = perRegistry.get(directory);
        if (cached == null || !cached.stamps().equals(stamps)) {
            cached = new Cached(stamps, load(files));
            perRegistry.put(directory, cached);
        }
        return cached.trust();
    }

    private static List<Path> caFiles(Path directory) throws CertificateException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.crt")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new CertificateException("read CA directory " + directory + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static X509ExtendedTrustManager load(List<Path> files) throws CertificateException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate certificate : factory.generateCertificates(in)) {
                        store.setCertificateEntry("ca-" + n++, certificate);
                    }
                }
            }
            return trustManager(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateException("load registry CAs " + files + ": " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager trustManager(@Nullable KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager among " + List.of(factory.getTrustManagers()));
    }
}
