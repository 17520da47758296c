package io.gantry.core.container;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * What {@code docker cp} learns of a path in a container before copying (Docker's {@code ContainerPathStat}).
 *
 * @param name       the path's last component as the user named it
 * @param size       its size in bytes
 * @param mode       Go's {@code os.FileMode} bits: permissions plus type and special bits, as the CLI decodes them
 * @param modified   its modification time
 * @param linkTarget for a symlink, where it leads in the container, fully resolved there; else empty
 */
public record PathStat(String name, long size, long mode, Instant modified, String linkTarget) {

    private static final long GO_DIR = 1L << 31;
    private static final long GO_SYMLINK = 1L << 27;
    private static final long GO_DEVICE = 1L << 26;
    private static final long GO_NAMED_PIPE = 1L << 25;
    private static final long GO_SOCKET = 1L << 24;
    private static final long GO_SETUID = 1L << 23;
    private static final long GO_SETGID = 1L << 22;
    private static final long GO_CHAR_DEVICE = 1L << 21;
    private static final long GO_STICKY = 1L << 20;

    /** Go's {@code os.FileMode} of a file whose {@code st_mode} is {@code unixMode}. */
    static long goMode(int unixMode) {
        long mode = unixMode & 0777;
        mode |= switch (unixMode & 0170000) {
            case 0040000 -> GO_DIR;
            case 0120000 -> GO_SYMLINK;
            case 0060000 -> GO_DEVICE;
            case 0020000 -> GO_DEVICE | GO_CHAR_DEVICE;
            case 0010000 -> GO_NAMED_PIPE;
            case 0140000 -> GO_SOCKET;
            default -> 0;
        };
        if ((unixMode & 04000) != 0) {
            mode |= GO_SETUID;
        }
        if ((unixMode & 02000) != 0) {
            mode |= GO_SETGID;
        }
        if ((unixMode & 01000) != 0) {
            mode |= GO_STICKY;
        }
        return mode;
    }

    static PathStat of(String name, int unixMode, BasicFileAttributes attrs, String linkTarget) {
        return new PathStat(name, attrs.size(), goMode(unixMode), attrs.lastModifiedTime().toInstant(), linkTarget);
    }

    public boolean isDirectory() {
        return (mode & GO_DIR) != 0;
    }
}
