package io.gantry.console.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.StatsResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsReadingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_cgroup_v1_item_gives_cpu_memory_without_page_cache_network_and_block_io() throws Exception {
        StatsReading r = StatsReading.of(JSON.readValue("""
                {"read":"2026-01-01T00:00:02Z",
                 "cpu_stats":{"cpu_usage":{"total_usage":3000000000},"system_cpu_usage":20000000000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":10000000000},
                 "memory_stats":{"usage":10485760,"limit":1073741824,"stats":{"total_inactive_file":2097152}},
                 "networks":{"eth0":{"rx_bytes":100,"tx_bytes":50},"eth1":{"rx_bytes":1,"tx_bytes":2}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":4096},{"op":"Write","value":8192},
                   {"op":"Total","value":12288}]}}
                """, StatsResponse.class));

        assertThat(r.read()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
        assertThat(r.cpuPercent()).isCloseTo(20.0, within(0.001));
        assertThat(r.memoryBytes()).isEqualTo(8 << 20);
        assertThat(r.memoryLimitBytes()).isEqualTo(1 << 30);
        assertThat(r.networkRxBytes()).isEqualTo(101);
        assertThat(r.networkTxBytes()).isEqualTo(52);
        assertThat(r.blockReadBytes()).isEqualTo(4096);
        assertThat(r.blockWriteBytes()).isEqualTo(8192);
    }

    @Test
    void a_cgroup_v2_item_without_networks_or_a_previous_reading_reads_as_zero_where_unknown() throws Exception {
        StatsReading r = StatsReading.of(JSON.readValue("""
                {"read":"2026-01-01T00:00:01Z","cpu_stats":{"cpu_usage":{"total_usage":5}},
                 "precpu_stats":{"cpu_usage":{"total_usage":0}},
                 "memory_stats":{"usage":4096,"limit":8192,"stats":{"inactive_file":1024}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"read","value":7}]}}
                """, StatsResponse.class));

        assertThat(r.cpuPercent()).isZero();
        assertThat(r.memoryBytes()).isEqualTo(3072);
        assertThat(r.networkRxBytes()).isZero();
        assertThat(r.blockReadBytes()).isEqualTo(7);
    }
}
