package io.gantry.core.archive;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The few libc calls Java lacks: device nodes, ownership and modes without following links, any xattr namespace,
 * and timestamps of special files (Java would open a FIFO to stamp it, and block). Every call acts on the final path
 * component itself; a symlink there is never followed.
 */
final class Libc {

    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    interface C extends Library {
        int mknod(String path, int mode, long dev) throws LastErrorException;

        int lchown(String path, int uid, int gid) throws LastErrorException;

        int chmod(String path, int mode) throws LastErrorException;

        int lsetxattr(String path, String name, byte[] value, long size, int flags) throws LastErrorException;

        long lgetxattr(String path, String name, byte[] value, long size) throws LastErrorException;

        int utimensat(int dirfd, String path, long[] times, int flags) throws LastErrorException;
    }

    private static final C C_LIB = Native.load("c", C.class);

    private Libc() {
    }

    /** glibc's makedev. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    static void mknod(String path, int mode, long major, long minor) throws java.io.IOException {
        try {
            C_LIB.mknod(path, mode, makedev(major, minor));
        } catch (LastErrorException e) {
            throw failure("mknod", path, e);
        }
    }

    static void lchown(String path, int uid, int gid) throws java.io.IOException {
        try {
            C_LIB.lchown(path, uid, gid);
        } catch (LastErrorException e) {
            throw failure("lchown", path, e);
        }
    }

    /** chmod; only ever called on paths the extractor itself just created as non-links. */
    static void chmod(String path, int mode) throws java.io.IOException {
        try {
            C_LIB.chmod(path, mode);
        } catch (LastErrorException e) {
            throw failure("chmod", path, e);
        }
    }

    static void lsetxattr(String path, String name, byte[] value) throws java.io.IOException {
        try {
            C_LIB.lsetxattr(path, name, value, value.length, 0);
        } catch (LastErrorException e) {
            throw failure("lsetxattr " + name, path, e);
        }
    }

    /** The xattr's value, or null when the file has none of that name. */
    static byte @org.jspecify.annotations.Nullable [] lgetxattr(String path, String name) throws java.io.IOException {
        byte[] buffer = new byte[4096];
        try {
            long length = C_LIB.lgetxattr(path, name, buffer, buffer.length);
            return java.util.Arrays.copyOf(buffer, (int) length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == 61) { // ENODATA
                return null;
            }
            throw failure("lgetxattr " + name, path, e);
        }
    }

    /** Sets access and modification time (seconds, nanoseconds) without following a final symlink. */
    static void lutimes(String path, long seconds, long nanos) throws java.io.IOException {
        try {
            C_LIB.utimensat(AT_FDCWD, path, new long[] {seconds, nanos, seconds, nanos}, AT_SYMLINK_NOFOLLOW);
        } catch (LastErrorException e) {
            throw failure("utimensat", path, e);
        }
    }

    private static java.io.IOException failure(String operation, String path, LastErrorException e) {
        return new java.io.IOException(operation + " " + path + ": errno " + e.getErrorCode(), e);
    }
}
