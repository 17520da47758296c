package io.gantry.core.archive;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A path inside a container's root resolved as the container's processes would resolve it: an absolute symlink target
 * starts again at the container's root and {@code ..} stops there (Docker's {@code FollowSymlinkInScope}), so no path
 * ever leads out, whatever the container's symlinks say. The host never follows a link itself: each component is
 * looked at with {@code lstat} and links are read as text. The caller keeps the tree still meanwhile (the container
 * frozen or stopped), so what was checked is what is used.
 */
public final class ScopedPath {

    /** As the kernel's {@code MAXSYMLINKS}. */
    private static final int MAX_LINKS = 40;

    private final Path root;
    private final List<String> components;

    private ScopedPath(Path root, List<String> components) {
        this.root = root;
        this.components = List.copyOf(components);
    }

    /**
     * Resolves {@code path} (absolute or relative to the root) under {@code root}. Every symlink on the way is
     * followed in scope; the last component only when {@code followLast}. Components that do not exist are kept as
     * named, so the result may name a file yet to be made.
     *
     * @throws FileSystemException too many links on the way
     */
    public static ScopedPath resolve(Path root, String path, boolean followLast) throws IOException {
        List<String> resolved = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>(Arrays.asList(path.split("/")));
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
                continue;
            }
            Path candidate = host(root, resolved).resolve(part);
            BasicFileAttributes attrs = attributes(candidate);
            boolean last = pending.stream().allMatch(p -> p.isEmpty() || p.equals("."));
            if (attrs != null && attrs.isSymbolicLink() && (!last || followLast)) {
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(path, null, "too many levels of symbolic links");
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> parts = Arrays.asList(target.split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
                continue;
            }
            resolved.add(part);
        }
        return new ScopedPath(root, resolved);
    }

    /**
     * The path on the host, below the root. The root itself is {@code <root>/.}: a container's root is reached through
     * a link ({@code /proc/<pid>/root}, {@code /proc/self/fd/<n>}) that looking at it without following would show.
     */
    public Path host() {
        return components.isEmpty() ? root.resolve(".") : host(root, components);
    }

    /** The path as the container names it ({@code /etc/passwd}; {@code /} for the root). */
    public String inContainer() {
        return "/" + String.join("/", components);
    }

    /** The last component's name; empty for the root. */
    public String name() {
        return components.isEmpty() ? "" : components.get(components.size() - 1);
    }

    /** The attributes of what the path names, not following a final symlink; null when there is nothing. */
    public @Nullable BasicFileAttributes attributes() throws IOException {
        return attributes(host());
    }

    private static Path host(Path root, List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    private static @Nullable BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return null;
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                return null; // a component on the way is a file
            }
            throw e;
        }
    }
}
