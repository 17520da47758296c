package io.gantry.core.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupFilesTest {

    @Test
    void keyed_counters_skip_lines_of_another_shape() {
        assertThat(CgroupFiles.keyedLongs("usage_usec 12\nnr_periods 3\nsome words here\nname value\n"))
                .containsOnlyKeys("usage_usec", "nr_periods").containsEntry("usage_usec", 12L);
    }

    @Test
    void a_limit_of_max_is_no_limit() {
        assertThat(CgroupFiles.limit("max\n")).isZero();
        assertThat(CgroupFiles.limit("42\n")).isEqualTo(42);
    }

    @Test
    void io_stat_becomes_dockers_read_and_write_rows() {
        assertThat(CgroupV2Driver.ioStat("8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n"))
                .containsExactly(new CgroupStats.BlkioEntry(8, 0, "read", 4096), new CgroupStats.BlkioEntry(8, 0, "write", 8192));
    }

    @Test
    void shares_map_onto_weights_as_runc_maps_them() {
        assertThat(CgroupV2Driver.weightOfShares(2)).isEqualTo(1);
        assertThat(CgroupV2Driver.weightOfShares(1024)).isEqualTo(39);
        assertThat(CgroupV2Driver.weightOfShares(262_144)).isEqualTo(10_000);
    }

    @Test
    void dockers_memory_swap_becomes_v2_swap_alone() {
        Resources r = Resources.defaults().withMemory(100);
        assertThat(CgroupV2Driver.swapMax(r)).isEqualTo("100");
        assertThat(CgroupV2Driver.swapMax(new Resources(100, 250, 0, 0, "", 0, List.of()))).isEqualTo("150");
        assertThat(CgroupV2Driver.swapMax(new Resources(100, -1, 0, 0, "", 0, List.of()))).isEqualTo("max");
        assertThat(CgroupV2Driver.swapMax(Resources.defaults())).isEqualTo("max");
    }
}
