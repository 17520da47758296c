package io.gantry.core.content;

import java.io.InputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A validated content digest. Only {@code sha256} is accepted, with exactly 64 lower-case hex digits, so a digest can
 * safely become a path name (CVE-2014-9358 came from unvalidated IDs used as paths).
 *
 * @param algorithm always {@code sha256}
 * @param hex       64 lower-case hex digits
 */
public record Digest(String algorithm, String hex) {

    public static final String SHA256 = "sha256";
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    public Digest {
        if (!SHA256.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported digest algorithm (only sha256): " + algorithm);
        }
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("malformed sha256 digest: expected 64 lower-case hex digits, got '" + hex + "'");
        }
    }

    /** Parses {@code sha256:<64 hex>}; anything else is rejected with a message quoting the input. */
    public static Digest parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("malformed digest '" + text + "': expected sha256:<64 hex digits>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The digest of {@code bytes}. */
    public static Digest of(byte[] bytes) {
        MessageDigest sha = newSha256();
        return fromHash(sha.digest(bytes));
    }

    /** The digest of everything {@code in} yields; the stream is read to its end but not closed. */
    public static Digest of(InputStream in) throws IOException {
        MessageDigest sha = newSha256();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
        }
        return fromHash(sha.digest());
    }

    /** A digest from a finished SHA-256 hash. */
    public static Digest fromHash(byte[] sha256) {
        return new Digest(SHA256, HexFormat.of().formatHex(sha256));
    }

    /** A fresh SHA-256 hasher, for callers that hash while they stream. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The first 12 hex digits, as Docker shows IDs. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
