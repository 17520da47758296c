package io.gantry.core.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The layer directory as the extractor sees it: tar names become paths that cannot leave it. Names are cleaned
 * lexically ({@code ..} that climbs above the root is refused, a leading {@code /} is dropped); every parent must be a
 * real directory, never a symlink, so no write passes through a link an earlier entry planted. Checking by path does
 * not race because nothing else writes meanwhile: a layer directory is private to one extraction (root-owned), and a
 * container being copied into is frozen or stopped ({@code runtime.ContainerFilesystem}).
 */
final class LayerTree {

    private final Path root;
    private final boolean noOverwriteDirNonDir;
    private final Set<Path> knownDirectories = new HashSet<>();

    LayerTree(Path root) {
        this(root, false);
    }

    /** With {@code noOverwriteDirNonDir}, a non-directory is never replaced by a directory either. */
    LayerTree(Path root, boolean noOverwriteDirNonDir) {
        this.root = root;
        this.noOverwriteDirNonDir = noOverwriteDirNonDir;
        knownDirectories.add(root);
    }

    Path root() {
        return root;
    }

    /** The cleaned components of a tar name; empty for the layer root itself. */
    static List<String> components(String name) throws UnsafeArchiveException {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new UnsafeArchiveException("entry '" + name + "' climbs out of the layer");
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Makes sure every parent of {@code parts} is a real directory inside the root, creating missing ones (0755). */
    Path prepareParents(String name, List<String> parts) throws IOException {
        Path current = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            current = resolve(current, parts.get(i), name);
            if (knownDirectories.contains(current)) {
                continue;
            }
            BasicFileAttributes attrs = attributes(current);
            if (attrs == null) {
                Files.createDirectory(current);
                Libc.chmod(current.toString(), 0755);
            } else if (attrs.isSymbolicLink()) {
                throw new UnsafeArchiveException("entry '" + name + "' passes through the symlink " + root.relativize(current));
            } else if (!attrs.isDirectory()) {
                throw new UnsafeArchiveException("entry '" + name + "' has the non-directory " + root.relativize(current)
                        + " as a parent");
            }
            knownDirectories.add(current);
        }
        return resolve(current, parts.get(parts.size() - 1), name);
    }

    /**
     * Clears the place for a new entry: a non-directory already there is removed (a symlink itself, never its
     * target). Returns true when a directory is there and the new entry is a directory too; refuses to replace a
     * directory with anything else.
     */
    boolean clear(Path target, boolean newIsDirectory, String name) throws IOException {
        BasicFileAttributes attrs = attributes(target);
        if (attrs == null) {
            return false;
        }
        if (attrs.isDirectory()) {
            if (newIsDirectory) {
                return true;
            }
            throw new UnsafeArchiveException("entry '" + name + "' would replace the directory " + root.relativize(target));
        }
        if (newIsDirectory && noOverwriteDirNonDir) {
            throw new UnsafeArchiveException("entry '" + name + "' would replace the non-directory " + root.relativize(target)
                    + " with a directory");
        }
        Files.delete(target);
        return false;
    }

    void addDirectory(Path directory) {
        knownDirectories.add(directory);
    }

    /** An already-extracted non-directory for a hard link to point at; anything else is refused. */
    Path linkTarget(String name, String linkName) throws IOException {
        List<String> parts = components(linkName);
        if (parts.isEmpty()) {
            throw new UnsafeArchiveException("hard link '" + name + "' points at the layer root");
        }
        Path current = root;
        for (int i = 0; i < parts.size(); i++) {
            current = resolve(current, parts.get(i), linkName);
            BasicFileAttributes attrs = attributes(current);
            boolean last = i == parts.size() - 1;
            if (attrs == null) {
                throw new UnsafeArchiveException("hard link '" + name + "' points at '" + linkName
                        + "', which is not in the layer");
            }
            if (!last && (attrs.isSymbolicLink() || !attrs.isDirectory())) {
                throw new UnsafeArchiveException("hard link '" + name + "' resolves through the non-directory "
                        + root.relativize(current));
            }
            if (last && attrs.isDirectory()) {
                throw new UnsafeArchiveException("hard link '" + name + "' points at a directory");
            }
        }
        return current;
    }

    private Path resolve(Path parent, String part, String name) throws UnsafeArchiveException {
        try {
            return parent.resolve(part);
        } catch (InvalidPathException e) {
            throw new UnsafeArchiveException("entry '" + name + "' has an invalid name: " + e.getMessage());
        }
    }

    private static @Nullable BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
