package io.gantry.core.instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names one engine instance uses on the host, all derived from its data root.
 *
 * <p>The default instance ({@code /var/lib/gantry}) uses the plain names {@code /run/gantry}, bridge {@code gantry0}
 * and nftables table {@code gantry}. Any other data root gets an 8-hex-digit tag from the SHA-256 of its absolute
 * path, so tests and side-by-side engines never share a bridge or a table, and the start-up reconciler can recognise
 * (and remove) exactly its own leftovers by prefix.
 *
 * @param dataRoot     absolute, normalised data root (images, containers, volumes)
 * @param runDir       sockets and netns handles; kept short because a unix socket path must stay under 108 bytes
 * @param bridgePrefix prefix of this instance's bridges; an index is appended ({@code gantry0}, {@code gt1a2b3c4d0})
 * @param nftTable     the instance's own nftables table
 * @param cgroupName   the name of the instance's cgroup parent directory
 */
public record EngineInstance(Path dataRoot, Path runDir, String bridgePrefix, String nftTable, String cgroupName) {

    public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/gantry");

    /** Linux limits interface names to 15 bytes; a prefix leaves room for a two-digit index. */
    static final int MAX_BRIDGE_PREFIX = 13;

    public EngineInstance {
        if (!dataRoot.isAbsolute()) {
            throw new IllegalArgumentException("data root must be absolute: " + dataRoot);
        }
        if (bridgePrefix.isEmpty() || bridgePrefix.length() > MAX_BRIDGE_PREFIX) {
            throw new IllegalArgumentException("bridge prefix must have 1 to " + MAX_BRIDGE_PREFIX + " characters: " + bridgePrefix);
        }
    }

    /** The instance that owns {@code dataRoot}; run directories live under {@code /run}. */
    public static EngineInstance forDataRoot(Path dataRoot) {
        return forDataRoot(dataRoot, Path.of("/run"));
    }

    static EngineInstance forDataRoot(Path dataRoot, Path runBase) {
        Path root = dataRoot.toAbsolutePath().normalize();
        if (root.equals(DEFAULT_DATA_ROOT)) {
            return new EngineInstance(root, runBase.resolve("gantry"), "gantry", "gantry", "gantry");
        }
        String tag = tagOf(root);
        return new EngineInstance(root, runBase.resolve("gantry-" + tag), "gt" + tag, "gantry_" + tag, "gantry-" + tag);
    }

    /** The bridge interface name for the {@code index}-th network of this instance. */
    public String bridgeName(int index) {
        if (index < 0 || index > 99) {
            throw new IllegalArgumentException("bridge index out of range 0..99: " + index);
        }
        return bridgePrefix + index;
    }

    private static String tagOf(Path root) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(root.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
