package io.gantry.core.runtime;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An overlay mounted with the new mount API ({@code fsopen}, {@code fsconfig}, {@code fsmount}) and never attached
 * anywhere: it exists only as a file descriptor of this process, reached as {@code /proc/self/fd/<fd>}, and goes away
 * when that is closed. No host path ever shows it, nothing is left mounted if the engine dies, and no other process
 * can reach it (the shim's own rootfs mounts likewise live only in containers' namespaces). A list of layers longer
 * than the 256 bytes {@code fsconfig} takes in one string is given one layer at a time ({@code lowerdir+}, Linux 6.8).
 */
final class DetachedOverlay implements AutoCloseable {

    /** {@code fsconfig} copies at most this many bytes of a string value. */
    private static final int FSCONFIG_MAX_STRING = 256;
    private static final int FSOPEN_CLOEXEC = 0x1;
    private static final int FSCONFIG_SET_STRING = 1;
    private static final int FSCONFIG_CMD_CREATE = 6;
    private static final int FSMOUNT_CLOEXEC = 0x1;
    private static final int MOUNT_ATTR_RDONLY = 0x1;
    private static final int MOUNT_ATTR_NOSUID = 0x2;
    private static final int MOUNT_ATTR_NODEV = 0x4;
    private static final int MOUNT_ATTR_NOEXEC = 0x8;

    interface C extends Library {
        int fsopen(String fsName, int flags) throws LastErrorException;

        int fsconfig(int fd, int cmd, String key, String value, int aux) throws LastErrorException;

        int fsmount(int fd, int flags, int attrFlags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        long read(int fd, byte[] buffer, long count) throws LastErrorException;
    }

    private static final C LIBC = Native.load("c", C.class);

    private final int fd;
    private boolean closed;

    private DetachedOverlay(int fd) {
        this.fd = fd;
    }

    /**
     * Mounts an overlay from {@code key=value} options ({@code lowerdir=…}, {@code upperdir=…}, {@code workdir=…});
     * read-only when {@code readOnly}. Setuid bits, devices and execution are off: only the engine reads and writes
     * through it.
     */
    static DetachedOverlay mount(List<String> options, boolean readOnly) throws IOException {
        int context;
        try {
            context = LIBC.fsopen("overlay", FSOPEN_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("fsopen overlay: errno " + e.getErrorCode(), e);
        }
        String step = "fsconfig";
        try {
            for (String option : options) {
                int equals = option.indexOf('=');
                String key = equals < 0 ? option : option.substring(0, equals);
                String value = equals < 0 ? null : option.substring(equals + 1);
                step = "fsconfig " + key;
                if (key.equals("lowerdir") && value != null
                        && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= FSCONFIG_MAX_STRING) {
                    for (String layer : value.split(":")) {
                        LIBC.fsconfig(context, FSCONFIG_SET_STRING, "lowerdir+", layer, 0);
                    }
                } else {
                    LIBC.fsconfig(context, FSCONFIG_SET_STRING, key, value, 0);
                }
            }
            step = "create";
            LIBC.fsconfig(context, FSCONFIG_CMD_CREATE, null, null, 0);
            int attributes = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC | (readOnly ? MOUNT_ATTR_RDONLY : 0);
            step = "fsmount";
            return new DetachedOverlay(LIBC.fsmount(context, FSMOUNT_CLOEXEC, attributes));
        } catch (LastErrorException e) {
            throw new IOException("mount overlay " + String.join(",", options) + ": " + step + ": errno " + e.getErrorCode()
                    + kernelMessages(context), e);
        } finally {
            LIBC.close(context);
        }
    }

    /** What the kernel logged on the mount context ({@code e overlay: ...} lines), which says why a mount failed. */
    private static String kernelMessages(int context) {
        StringBuilder messages = new StringBuilder();
        byte[] buffer = new byte[1024];
        try {
            for (int i = 0; i < 8; i++) {
                long n = LIBC.read(context, buffer, buffer.length);
                if (n <= 0) {
                    break;
                }
                messages.append(" (").append(new String(buffer, 0, (int) n, java.nio.charset.StandardCharsets.UTF_8)).append(')');
            }
        } catch (LastErrorException noMoreMessages) {
            // ENODATA: the log is empty
        }
        return messages.toString();
    }

    /** The root of the mounted tree. */
    Path root() {
        return Path.of("/proc/self/fd/" + fd);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LIBC.close(fd);
        }
    }
}
