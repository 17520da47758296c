package io.gantry.core.container;

import io.gantry.core.archive.LayerExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code docker diff} from an overlay upper directory: a whiteout (character device 0/0) is a deletion; anything
 * else is a modification when the image's layers hold the path and an addition when they do not. A directory the
 * image holds counts as modified when its mode, owner or time changed, or something below it was changed, as Docker
 * reports it. What the runtime itself put there to mount on ({@code /proc}, {@code /etc/hosts}, volume targets) is
 * left out, and so are its parent directories unless the user changed something else in them: Docker keeps those in
 * an init layer below the container's own.
 */
final class ContainerChanges {

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFDIR = 0040000;

    private final Path upper;
    private final List<Path> layersTopFirst;
    private final List<String> mountPoints;
    private final List<FileChange> changes = new ArrayList<>();

    private ContainerChanges(Path upper, List<Path> layersTopFirst, List<String> mountPoints) {
        this.upper = upper;
        this.layersTopFirst = layersTopFirst;
        this.mountPoints = mountPoints;
    }

    /** The changes, sorted by path. */
    static List<FileChange> of(Path upper, List<Path> layersTopFirst, List<String> mountPoints) throws IOException {
        ContainerChanges diff = new ContainerChanges(upper, layersTopFirst, mountPoints);
        diff.directory(upper, "", true);
        diff.changes.sort((a, b) -> a.path().compareTo(b.path()));
        return List.copyOf(diff.changes);
    }

    /** Reports the entries of {@code dir}; returns whether any was reported. */
    private boolean directory(Path dir, String path, boolean lowerHasIt) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        boolean reported = false;
        for (Path child : children) {
            reported |= entry(child, path + "/" + child.getFileName(), lowerHasIt);
        }
        return reported;
    }

    private boolean entry(Path file, String path, boolean parentBelow) throws IOException {
        if (mountPoints.contains(path)) {
            return false;
        }
        Map<String, Object> attrs = Files.readAttributes(file, "unix:mode,uid,gid,rdev,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attrs.get("mode");
        if ((mode & S_IFMT) == S_IFCHR && (Long) attrs.get("rdev") == 0L) {
            changes.add(new FileChange(path, FileChange.Kind.DELETED));
            return true;
        }
        @Nullable Map<String, Object> below = parentBelow ? lower(path) : null;
        if ((mode & S_IFMT) != S_IFDIR) {
            changes.add(new FileChange(path, below == null ? FileChange.Kind.ADDED : FileChange.Kind.MODIFIED));
            return true;
        }
        boolean runtimeMade = mountPoints.stream().anyMatch(point -> point.startsWith(path + "/"));
        boolean childrenReported = directory(file, path, below != null);
        boolean reported = below == null ? !runtimeMade || childrenReported
                : childrenReported || changed(attrs, below, !runtimeMade);
        if (reported) {
            changes.add(new FileChange(path, below == null ? FileChange.Kind.ADDED : FileChange.Kind.MODIFIED));
        }
        return reported;
    }

    private static boolean changed(Map<String, Object> upper, Map<String, Object> lower, boolean timeCounts) {
        return !upper.get("mode").equals(lower.get("mode")) || !upper.get("uid").equals(lower.get("uid"))
                || !upper.get("gid").equals(lower.get("gid"))
                || timeCounts && !upper.get("lastModifiedTime").equals(lower.get("lastModifiedTime"));
    }

    /**
     * The attributes of {@code path} as the image's layers show it (the topmost layer holding it wins), or null when the
     * image does not have it: not there, deleted by a whiteout, or hidden under an opaque directory or a file.
     */
    private @Nullable Map<String, Object> lower(String path) throws IOException {
        String[] parts = path.substring(1).split("/");
        for (Path layer : layersTopFirst) {
            Path current = layer;
            for (int i = 0; i < parts.length; i++) {
                current = current.resolve(parts[i]);
                Map<String, Object> attrs = attributes(current);
                if (attrs == null) {
                    break;
                }
                int mode = (Integer) attrs.get("mode");
                boolean whiteout = (mode & S_IFMT) == S_IFCHR && (Long) attrs.get("rdev") == 0L;
                if (whiteout || i < parts.length - 1 && (mode & S_IFMT) != S_IFDIR) {
                    return null;
                }
                if (i == parts.length - 1) {
                    return attrs;
                }
            }
            if (opaqueOnTheWay(layer, parts)) {
                return null;
            }
        }
        return null;
    }

    private static boolean opaqueOnTheWay(Path layer, String[] parts) {
        Path current = layer;
        for (int i = 0; i < parts.length - 1; i++) {
            current = current.resolve(parts[i]);
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (LayerExtractor.isOpaque(current)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Map<String, Object> attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, "unix:mode,uid,gid,rdev,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
