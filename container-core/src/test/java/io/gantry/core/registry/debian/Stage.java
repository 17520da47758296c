package io.gantry.core.registry.debian;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One layer of a Debian test image, made on top of the layers before it: Debian packages installed with apt in a
 * chroot (services kept from starting by {@code policy-rc.d}), then files copied in, then a shell script run in the
 * chroot. What the stage changed becomes the layer. The base layer, made by debootstrap, is not a stage.
 *
 * @param name     what the layer holds, for the image history
 * @param packages Debian packages to install (none for a stage of files and script only)
 * @param files    absolute path in the image → content and mode
 * @param script   {@code sh} run in the chroot last; empty for none
 */
record Stage(String name, List<String> packages, Map<String, StageFile> files, String script) {

    public Stage {
        packages = List.copyOf(packages);
        files = new TreeMap<>(files); // sorted: the cache key must not depend on map order
        for (String path : files.keySet()) {
            if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
                throw new IllegalArgumentException("stage '" + name + "': file path " + path + " must be absolute and plain");
            }
        }
    }

    static Stage packages(String name, String... packages) {
        return new Stage(name, List.of(packages), Map.of(), "");
    }

    /** A file to put into the image. */
    record StageFile(byte[] content, int mode) {
    }
}
