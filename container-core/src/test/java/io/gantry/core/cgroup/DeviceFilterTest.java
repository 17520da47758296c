package io.gantry.core.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceFilterTest {

    @Test
    void an_empty_rule_list_denies_everything() {
        byte[] p = DeviceFilter.program(List.of());
        assertThat(p).hasSize(8 * 8); // prologue of 6, r0 = 0, exit
        assertThat(insn(p, 6)).isEqualTo(new long[] {0xb7, 0, 0, 0, 0});
        assertThat(insn(p, 7)[0]).isEqualTo(0x95);
    }

    @Test
    void the_last_rule_is_checked_first_and_failed_tests_jump_past_its_block() {
        byte[] p = DeviceFilter.program(List.of(new DeviceRule(false, 'a', -1, -1, "rwm"),
                new DeviceRule(true, 'c', 1, 3, "rw")));
        // c 1:3 rw: type, access, major, minor tests, then r0 = 1, exit
        assertThat(insn(p, 6)).isEqualTo(new long[] {0x55, 2, 0, 5, 2});   // type != char: skip 5
        assertThat(insn(p, 7)).isEqualTo(new long[] {0x45, 3, 0, 4, 1});   // asks for mknod: skip 4
        assertThat(insn(p, 8)).isEqualTo(new long[] {0x55, 4, 0, 3, 1});   // major != 1
        assertThat(insn(p, 9)).isEqualTo(new long[] {0x55, 5, 0, 2, 3});   // minor != 3
        assertThat(insn(p, 10)).isEqualTo(new long[] {0xb7, 0, 0, 0, 1});
        assertThat(insn(p, 11)[0]).isEqualTo(0x95);
        // a (deny all): no test, r0 = 0, exit, and nothing after it (the verifier refuses unreachable code)
        assertThat(insn(p, 12)).isEqualTo(new long[] {0xb7, 0, 0, 0, 0});
        assertThat(insn(p, 13)[0]).isEqualTo(0x95);
        assertThat(p).hasSize(14 * 8);
    }

    @Test
    void dockers_defaults_fit_a_small_program() {
        assertThat(DeviceFilter.program(DeviceRule.dockerDefaults()).length / 8).isLessThan(100);
    }

    /** {opcode, dst, src, off, imm} of instruction {@code i}. */
    private static long[] insn(byte[] p, int i) {
        ByteBuffer b = ByteBuffer.wrap(p, i * 8, 8).order(ByteOrder.LITTLE_ENDIAN);
        int op = b.get() & 0xff;
        int regs = b.get() & 0xff;
        return new long[] {op, regs & 0xf, regs >> 4, b.getShort(), b.getInt()};
    }
}
