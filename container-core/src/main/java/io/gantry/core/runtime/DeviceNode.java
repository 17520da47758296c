package io.gantry.core.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A device node the shim creates in a container's {@code /dev}.
 *
 * @param path  where, inside the container
 * @param type  {@code 'c'} or {@code 'b'}
 * @param mode  permission bits
 */
record DeviceNode(String path, char type, long major, long minor, int mode, int uid, int gid) {

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    /** runc's list: mounted separately, or not devices at all (lxc's and udev's bookkeeping). */
    private static final Set<String> SKIPPED_DIRS = Set.of("pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev");

    DeviceNode {
        if (type != 'c' && type != 'b') {
            throw new IllegalArgumentException("device type must be c or b: " + type);
        }
    }

    /** runtime-spec's default devices, every container's. */
    static List<DeviceNode> defaults() {
        return List.of(chr("/dev/null", 1, 3), chr("/dev/zero", 1, 5), chr("/dev/full", 1, 7),
                chr("/dev/random", 1, 8), chr("/dev/urandom", 1, 9), chr("/dev/tty", 5, 0));
    }

    private static DeviceNode chr(String path, int major, int minor) {
        return new DeviceNode(path, 'c', major, minor, 0666, 0, 0);
    }

    /**
     * Every device node under the host's {@code dir}, as a privileged Docker container gets them (runc's
     * {@code GetDevices}): subdirectories followed except those {@link #SKIPPED_DIRS}; symlinks, FIFOs and any
     * {@code console} left out, and {@code ptmx}, which must stay the link to the container's own devpts.
     */
    static List<DeviceNode> under(Path dir) {
        List<DeviceNode> nodes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!SKIPPED_DIRS.contains(name)) {
                        nodes.addAll(under(p));
                    }
                } else if (!name.equals("console") && !p.toString().equals("/dev/ptmx")) {
                    of(p).ifPresent(nodes::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("list host devices under " + dir, e);
        }
        return nodes;
    }

    private static Optional<DeviceNode> of(Path p) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        int mode = (Integer) a.get("mode");
        long rdev = (Long) a.get("rdev");
        int kind = mode & S_IFMT;
        if (kind != S_IFCHR && kind != S_IFBLK) {
            return Optional.empty();
        }
        // glibc's gnu_dev_major and gnu_dev_minor
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & 0xfffff000L);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & 0xffffff00L);
        return Optional.of(new DeviceNode(p.toString(), kind == S_IFCHR ? 'c' : 'b', major, minor,
                mode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid")));
    }

    /** The shim's {@code device} line: path, type, major, minor, mode (octal), uid, gid. */
    String configLine() {
        return path + "\t" + type + "\t" + major + "\t" + minor + "\t0" + Integer.toOctalString(mode) + "\t" + uid + "\t" + gid;
    }
}
