package io.gantry.core.cgroup;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The two {@code bpf(2)} commands the v2 device filter needs: load a program, attach it to a cgroup. */
final class Bpf {

    private static final int BPF_PROG_LOAD = 5;
    private static final int BPF_PROG_ATTACH = 8;
    private static final int BPF_PROG_TYPE_CGROUP_DEVICE = 15;
    private static final int BPF_CGROUP_DEVICE = 6;
    /** runc's choice too: other programs on ancestors (systemd's) keep running, and all must allow. */
    private static final int BPF_F_ALLOW_MULTI = 2;
    private static final int O_RDONLY_CLOEXEC = 02000000;
    /** Enough of {@code union bpf_attr} for both commands; the kernel wants what it does not know zeroed. */
    private static final int ATTR_SIZE = 128;
    private static final int LOG_SIZE = 1 << 16;

    /** Variadic syscall(2): every argument goes as a long or a pointer, as the kernel reads registers whole. */
    interface C extends Library {
        long syscall(long number, Object... args) throws LastErrorException;

        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final C C_LIB = Native.load("c", C.class);

    private Bpf() {
    }

    /** Loads {@code program} as a cgroup device program and attaches it to {@code cgroupDir}. */
    static void attachDeviceProgram(Path cgroupDir, byte[] program) throws IOException {
        int prog = load(program);
        int dir = -1;
        try {
            dir = C_LIB.open(cgroupDir.toString(), O_RDONLY_CLOEXEC);
            Memory attr = attr();
            attr.setInt(0, dir);
            attr.setInt(4, prog);
            attr.setInt(8, BPF_CGROUP_DEVICE);
            attr.setInt(12, BPF_F_ALLOW_MULTI);
            C_LIB.syscall(sysBpf(), (long) BPF_PROG_ATTACH, attr, (long) ATTR_SIZE);
        } catch (LastErrorException e) {
            throw new IOException("attach device program to " + cgroupDir + ": errno " + e.getErrorCode(), e);
        } finally {
            if (dir >= 0) {
                C_LIB.close(dir);
            }
            C_LIB.close(prog); // the attachment holds the program now
        }
    }

    private static int load(byte[] program) throws IOException {
        Memory insns = new Memory(program.length);
        insns.write(0, program, 0, program.length);
        Memory license = new Memory(4);
        license.setString(0, "GPL", StandardCharsets.US_ASCII.name());
        Memory log = new Memory(LOG_SIZE);
        log.clear();
        Memory attr = attr();
        attr.setInt(0, BPF_PROG_TYPE_CGROUP_DEVICE);
        attr.setInt(4, program.length / 8);
        attr.setPointer(8, insns);
        attr.setPointer(16, license);
        attr.setInt(24, 1); // log_level: the verifier explains a refusal
        attr.setInt(28, LOG_SIZE);
        attr.setPointer(32, log);
        try {
            return (int) C_LIB.syscall(sysBpf(), (long) BPF_PROG_LOAD, attr, (long) ATTR_SIZE);
        } catch (LastErrorException e) {
            throw new IOException("load device program: errno " + e.getErrorCode() + ": " + log.getString(0, StandardCharsets.US_ASCII.name()).strip(), e);
        }
    }

    private static Memory attr() {
        Memory attr = new Memory(ATTR_SIZE);
        attr.clear();
        return attr;
    }

    /** The syscall number of bpf(2) on the architectures Gantry builds its shim for. */
    private static long sysBpf() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 321;
            case "aarch64" -> 280;
            default -> throw new UnsupportedOperationException("bpf(2) number unknown on " + System.getProperty("os.arch"));
        };
    }
}
