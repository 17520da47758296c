package io.gantry.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made with {@code openssl} in a directory of the test's, and certificates it issues:
 * for a TLS server on 127.0.0.1 and for signing registry tokens. Valid for two days; nothing is installed on the host.
 */
public final class TestCertificates {

    /** A PEM certificate and its PEM (PKCS#8) private key. */
    public record Issued(Path certificate, Path key) {

        public X509Certificate x509() throws IOException {
            return read(certificate);
        }

        public PrivateKey privateKey(String algorithm) throws IOException {
            String pem = Files.readString(key, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("read private key " + key + ": " + e.getMessage(), e);
            }
        }
    }

    private final Path directory;
    private final Issued ca;

    private TestCertificates(Path directory, Issued ca) {
        this.directory = directory;
        this.ca = ca;
    }

    /** A new CA in {@code directory} ({@code ca.crt}, {@code ca.key}). */
    public static TestCertificates createCa(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Issued ca = new Issued(directory.resolve("ca.crt"), directory.resolve("ca.key"));
        openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", ca.key().toString(), "-out", ca.certificate().toString(), "-days", "2",
                "-subj", "/CN=Gantry test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return new TestCertificates(directory, ca);
    }

    public Path caCertificate() {
        return ca.certificate();
    }

    /** A TLS server certificate for the IP address {@code ip} (an EC key), issued by this CA. */
    public Issued server(String name, String ip) throws IOException, InterruptedException {
        return issue(name, List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
                "subjectAltName=IP:" + ip + "\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n");
    }

    /** A certificate for signing JWTs with RS256 (an RSA key), issued by this CA. */
    public Issued tokenSigner(String name) throws IOException, InterruptedException {
        return issue(name, List.of("-newkey", "rsa:2048"), "keyUsage=critical,digitalSignature\n");
    }

    /** A client-side trust store holding only this CA. */
    public SSLContext trustingContext() throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("gantry-test-ca", read(ca.certificate()));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("trust store for " + ca.certificate() + ": " + e.getMessage(), e);
        }
    }

    private Issued issue(String name, List<String> keyOptions, String extensions) throws IOException, InterruptedException {
        Issued issued = new Issued(directory.resolve(name + ".crt"), directory.resolve(name + ".key"));
        Path request = directory.resolve(name + ".csr");
        Path extensionFile = Files.writeString(directory.resolve(name + ".ext"), extensions);
        List<String> req = new ArrayList<>(List.of("req"));
        req.addAll(keyOptions);
        req.addAll(List.of("-nodes", "-keyout", issued.key().toString(), "-out", request.toString(), "-subj", "/CN=" + name));
        openssl(directory, req.toArray(String[]::new));
        openssl(directory, "x509", "-req", "-in", request.toString(), "-CA", ca.certificate().toString(),
                "-CAkey", ca.key().toString(), "-CAcreateserial", "-out", issued.certificate().toString(), "-days", "2",
                "-extfile", extensionFile.toString());
        return issued;
    }

    static X509Certificate read(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("read certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    private static void openssl(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
