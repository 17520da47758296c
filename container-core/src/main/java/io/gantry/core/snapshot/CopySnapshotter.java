package io.gantry.core.snapshot;

import io.gantry.core.errors.FailedPreconditionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fallback where overlayfs is unavailable: each container gets a full copy of its layers, applied lowest first
 * with overlay-style whiteouts (a 0/0 character device deletes the path below it). Slow and disk-hungry, but it
 * runs anywhere; opaque directories are not yet honoured.
 */
public final class CopySnapshotter extends DirectorySnapshotter {

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    public CopySnapshotter(Path root) {
        super(root);
    }

    @Override
    public List<Mount> prepare(String key, List<ChainId> layers) {
        SnapshotStore.requireLayers(layers).forEach(store::existingLayer);
        Path dir = store.newActive(key);
        try {
            Path fs = Files.createDirectory(dir.resolve("fs"));
            for (ChainId id : layers) {
                apply(store.layer(id), fs);
            }
            return List.of(new Mount("bind", fs.toString(), List.of("rbind")));
        } catch (IOException | RuntimeException e) {
            Trees.delete(dir);
            throw new FailedPreconditionException("prepare snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    private static void apply(Path layer, Path fs) throws IOException {
        List<Path> whiteouts;
        try (Stream<Path> walk = Files.walk(layer)) {
            whiteouts = walk.filter(CopySnapshotter::isWhiteout).map(layer::relativize).toList();
        }
        for (Path w : whiteouts) {
            Trees.delete(fs.resolve(w));
        }
        copyTree(layer, fs);
        for (Path w : whiteouts) {
            Files.deleteIfExists(fs.resolve(w));
        }
    }

    /** cp -a keeps owners, modes, links, device nodes and xattrs, which the JDK's copy does not all keep. */
    private static void copyTree(Path from, Path to) throws IOException {
        Process cp = new ProcessBuilder("cp", "-a", "--reflink=auto", from + "/.", to.toString())
                .redirectErrorStream(true).start();
        String out = new String(cp.getInputStream().readAllBytes());
        try {
            if (cp.waitFor() != 0) {
                throw new IOException("cp " + from + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            cp.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("cp " + from + ": interrupted", e);
        }
    }

    private static boolean isWhiteout(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFCHR && ((Long) Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS)) == 0L;
        } catch (IOException e) {
            return false;
        }
    }
}
