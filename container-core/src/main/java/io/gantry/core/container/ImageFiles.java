package io.gantry.core.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Finds a file of an image's root filesystem in its unpacked layers, as overlayfs would show it, without mounting
 * anything: the topmost layer that has the path wins; a whiteout (a 0:0 character device) above hides what is below.
 * Image content is hostile, so a symlink anywhere on the path ends the search: following it on the host could read a
 * host file. Opaque directories are not consulted (their marker is a trusted xattr); an image that replaced its whole
 * {@code /etc} in a later layer without a new {@code passwd} would see the older one.
 */
final class ImageFiles {

    private static final int MAX_FILE = 4 << 20;

    private ImageFiles() {
    }

    /** The file's bytes, if a regular file of at most 4 MiB is at {@code relative} in the layers (topmost first). */
    static Optional<byte[]> read(List<Path> layersTopFirst, String relative) throws IOException {
        for (Path layer : layersTopFirst) {
            Lookup lookup = lookup(layer, relative);
            switch (lookup) {
                case FOUND -> {
                    Path file = layer.resolve(relative);
                    if (Files.size(file) > MAX_FILE) {
                        return Optional.empty();
                    }
                    return Optional.of(Files.readAllBytes(file));
                }
                case HIDDEN -> {
                    return Optional.empty();
                }
                case ABSENT -> {
                    // look further down
                }
            }
        }
        return Optional.empty();
    }

    /** The topmost layer's directory at {@code relative}, to seed a new volume with an image's content. */
    static Optional<Path> directory(List<Path> layersTopFirst, String relative) throws IOException {
        for (Path layer : layersTopFirst) {
            Path dir = layer.resolve(relative);
            boolean clean = true;
            for (Path p = dir; clean && !p.equals(layer); p = p.getParent()) {
                clean = !Files.isSymbolicLink(p);
            }
            if (clean && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private enum Lookup { FOUND, HIDDEN, ABSENT }

    private static Lookup lookup(Path layer, String relative) throws IOException {
        Path current = layer;
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length; i++) {
            current = current.resolve(parts[i]);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return Lookup.ABSENT;
            }
            PosixFileAttributes attributes = Files.readAttributes(current, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // A symlink would have to be followed on the host; a whiteout (a character device, "other" to Java)
            // hides the path in every layer below.
            if (attributes.isSymbolicLink() || attributes.isOther()) {
                return Lookup.HIDDEN;
            }
            if (i == parts.length - 1) {
                return attributes.isRegularFile() ? Lookup.FOUND : Lookup.HIDDEN;
            }
            if (!attributes.isDirectory()) {
                return Lookup.HIDDEN;
            }
        }
        return Lookup.ABSENT;
    }
}
