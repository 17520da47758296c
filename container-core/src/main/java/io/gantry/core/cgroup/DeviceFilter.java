package io.gantry.core.cgroup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Device rules as the eBPF program cgroup v2 asks for ({@code BPF_PROG_TYPE_CGROUP_DEVICE}): v2 has no
 * {@code devices.allow}; the kernel runs this program on every mknod and open of a device node and allows the
 * access if it returns 1.
 *
 * <p>The program reads {@code struct bpf_cgroup_dev_ctx} (access_type = access &lt;&lt; 16 | type, major, minor)
 * and checks the rules from the last to the first: the first match decides, as the last matching line does in
 * v1's list semantics. Nothing matched: denied. The verifier refuses unreachable code, so nothing is emitted
 * after a rule that matches everything.
 */
final class DeviceFilter {

    /** {@code BPF_DEVCG_DEV_BLOCK}, {@code BPF_DEVCG_DEV_CHAR}. */
    private static final int DEV_BLOCK = 1;
    private static final int DEV_CHAR = 2;
    /** Registers after the prologue: r2 type, r3 access, r4 major, r5 minor. */
    private static final int TYPE = 2;
    private static final int ACCESS = 3;
    private static final int MAJOR = 4;
    private static final int MINOR = 5;

    private final List<long[]> insns = new ArrayList<>(); // {opcode, dst, src, off, imm}

    private DeviceFilter() {
    }

    /** The program for {@code rules}, as the kernel's 8-byte little-endian instructions. */
    static byte[] program(List<DeviceRule> rules) {
        DeviceFilter f = new DeviceFilter();
        f.op(0x61, TYPE, 1, 0, 0);          // r2 = *(u32 *)(r1 + 0): access_type
        f.op(0x54, TYPE, 0, 0, 0xffff);     // w2 &= 0xffff: the device type
        f.op(0x61, ACCESS, 1, 0, 0);        // r3 = access_type
        f.op(0x74, ACCESS, 0, 0, 16);       // w3 >>= 16: the access asked for
        f.op(0x61, MAJOR, 1, 4, 0);         // r4 = major
        f.op(0x61, MINOR, 1, 8, 0);         // r5 = minor
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (!f.rule(rules.get(i))) {
                return f.encode(); // it matches everything: what follows would be unreachable, which the verifier refuses
            }
        }
        f.op(0xb7, 0, 0, 0, 0);             // r0 = 0: denied
        f.op(0x95, 0, 0, 0, 0);             // exit
        return f.encode();
    }

    /**
     * One rule: each test that fails jumps past the rule's block; all passing returns its verdict. Returns
     * whether anything can get past it (false for a rule that matches every access).
     */
    private boolean rule(DeviceRule r) {
        List<long[]> tests = new ArrayList<>();
        if (r.type() != 'a') {
            tests.add(new long[] {0x55, TYPE, 0, 0, r.type() == 'b' ? DEV_BLOCK : DEV_CHAR}); // if type != t: next
        }
        int notAllowed = ~accessBits(r.access()) & 7;
        if (r.type() != 'a' && notAllowed != 0) {
            tests.add(new long[] {0x45, ACCESS, 0, 0, notAllowed}); // asks for more than the rule gives: next
        }
        if (r.type() != 'a' && r.major() >= 0) {
            tests.add(new long[] {0x55, MAJOR, 0, 0, r.major()});
        }
        if (r.type() != 'a' && r.minor() >= 0) {
            tests.add(new long[] {0x55, MINOR, 0, 0, r.minor()});
        }
        int length = tests.size() + 2;
        for (int i = 0; i < tests.size(); i++) {
            long[] t = tests.get(i);
            t[3] = length - i - 1; // to the first instruction after this block
            insns.add(t);
        }
        op(0xb7, 0, 0, 0, r.allow() ? 1 : 0);
        op(0x95, 0, 0, 0, 0);
        return !tests.isEmpty();
    }

    /** {@code BPF_DEVCG_ACC_MKNOD} 1, {@code _READ} 2, {@code _WRITE} 4. */
    static int accessBits(String access) {
        int bits = 0;
        for (char c : access.toCharArray()) {
            bits |= c == 'm' ? 1 : c == 'r' ? 2 : 4;
        }
        return bits;
    }

    private void op(int opcode, int dst, int src, int off, long imm) {
        insns.add(new long[] {opcode, dst, src, off, imm});
    }

    private byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] i : insns) {
            b.put((byte) i[0]).put((byte) ((i[2] << 4) | i[1])).putShort((short) i[3]).putInt((int) i[4]);
        }
        return b.array();
    }
}
