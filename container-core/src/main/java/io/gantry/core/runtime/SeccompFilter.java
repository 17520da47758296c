package io.gantry.core.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Compiles the default seccomp profile (resource {@code seccomp-default.txt}) into a classic BPF program for one
 * container's capability set, so the shim only has to hand it to the kernel.
 */
final class SeccompFilter {

    private static final int LD_W_ABS = 0x20;
    private static final int JEQ_K = 0x15;
    private static final int JGE_K = 0x35;
    private static final int JSET_K = 0x45;
    private static final int RET_K = 0x06;
    private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    private static final int X32_SYSCALL_BIT = 0x40000000;
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int RET_ERRNO = 0x00050000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET, as Docker masks clone's flags. */
    private static final int CLONE_NAMESPACES = 0x7E020000;
    private static final int OFFSET_NR = 0;
    private static final int OFFSET_ARCH = 4;
    private static final int OFFSET_ARG0_LOW = 16;

    record Rule(String name, int nr, String action, Set<Capability> liftedBy) {
    }

    private static final List<Rule> RULES = load();

    private SeccompFilter() {
    }

    static List<Rule> rules() {
        return RULES;
    }

    /** The program for a container holding {@code caps}, as hex of {@code struct sock_filter[]}. */
    static String compile(Set<Capability> caps) {
        List<int[]> prog = new ArrayList<>();
        prog.add(op(LD_W_ABS, 0, 0, OFFSET_ARCH));
        prog.add(op(JEQ_K, 1, 0, AUDIT_ARCH_X86_64));
        prog.add(op(RET_K, 0, 0, RET_ERRNO | EPERM)); // other ABIs (i386) are refused, not yet filtered
        prog.add(op(LD_W_ABS, 0, 0, OFFSET_NR));
        prog.add(op(JGE_K, 0, 1, X32_SYSCALL_BIT));
        prog.add(op(RET_K, 0, 0, RET_ERRNO | EPERM));
        for (Rule r : RULES) {
            if (r.liftedBy().stream().anyMatch(caps::contains)) {
                continue;
            }
            if (r.action().equals("NSFLAGS")) {
                prog.add(op(JEQ_K, 0, 4, r.nr()));
                prog.add(op(LD_W_ABS, 0, 0, OFFSET_ARG0_LOW));
                prog.add(op(JSET_K, 0, 1, CLONE_NAMESPACES));
                prog.add(op(RET_K, 0, 0, RET_ERRNO | EPERM));
                prog.add(op(RET_K, 0, 0, RET_ALLOW));
            } else {
                prog.add(op(JEQ_K, 0, 1, r.nr()));
                prog.add(op(RET_K, 0, 0, RET_ERRNO | (r.action().equals("ENOSYS") ? ENOSYS : EPERM)));
            }
        }
        prog.add(op(RET_K, 0, 0, RET_ALLOW));
        ByteBuffer buf = ByteBuffer.allocate(prog.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] i : prog) {
            buf.putShort((short) i[0]).put((byte) i[1]).put((byte) i[2]).putInt(i[3]);
        }
        return HexFormat.of().formatHex(buf.array());
    }

    private static int[] op(int code, int jt, int jf, int k) {
        return new int[] {code, jt, jf, k};
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = SeccompFilter.class.getResourceAsStream("seccomp-default.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.strip().split("\\s+");
                if (f[0].isEmpty() || f[0].startsWith("#")) {
                    continue;
                }
                Set<Capability> lifted = f.length > 3
                        ? Set.copyOf(List.of(f[3].split(",")).stream().map(Capability::parse).toList()) : Set.of();
                rules.add(new Rule(f[0], Integer.parseInt(f[1]), f[2], lifted));
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("read seccomp-default.txt", e instanceof IOException io ? io : new IOException(e));
        }
        return List.copyOf(rules);
    }
}
