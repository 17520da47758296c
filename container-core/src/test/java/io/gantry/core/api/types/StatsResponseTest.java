package io.gantry.core.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The figures {@code docker stats} shows, read from one stats item as the docker CLI reads them. */
class StatsResponseTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_cgroup_v1_item_gives_cpu_memory_without_page_cache_network_and_block_io() throws Exception {
        StatsResponse r = JSON.readValue("""
                {"read":"2026-01-01T00:00:02Z",
                 "cpu_stats":{"cpu_usage":{"total_usage":3000000000},"system_cpu_usage":20000000000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":10000000000},
                 "memory_stats":{"usage":10485760,"limit":1073741824,"stats":{"total_inactive_file":2097152}},
                 "networks":{"eth0":{"rx_bytes":100,"tx_bytes":50},"eth1":{"rx_bytes":1,"tx_bytes":2}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":4096},{"op":"Write","value":8192},
                   {"op":"Total","value":12288}]}}
                """, StatsResponse.class);

        assertThat(r.readAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
        assertThat(r.cpuPercent()).isCloseTo(20.0, within(0.001));
        assertThat(r.memoryUsed()).isEqualTo(8 << 20);
        assertThat(r.memoryLimit()).isEqualTo(1 << 30);
        assertThat(r.networkRxBytes()).isEqualTo(101);
        assertThat(r.networkTxBytes()).isEqualTo(52);
        assertThat(r.blockReadBytes()).isEqualTo(4096);
        assertThat(r.blockWriteBytes()).isEqualTo(8192);
    }

    @Test
    void a_cgroup_v2_item_without_networks_or_host_cpu_time_reads_as_zero_where_unknown() throws Exception {
        StatsResponse r = JSON.readValue("""
                {"read":"2026-01-01T00:00:01Z","cpu_stats":{"cpu_usage":{"total_usage":5}},
                 "precpu_stats":{"cpu_usage":{"total_usage":0}},
                 "memory_stats":{"usage":4096,"limit":8192,"stats":{"inactive_file":1024}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"read","value":7}]}}
                """, StatsResponse.class);

        assertThat(r.cpuPercent()).isZero();
        assertThat(r.memoryUsed()).isEqualTo(3072);
        assertThat(r.networkRxBytes()).isZero();
        assertThat(r.blockReadBytes()).isEqualTo(7);
    }

    @Test
    void an_engine_that_leaves_out_online_cpus_has_them_counted_by_per_cpu_usage() throws Exception {
        StatsResponse r = JSON.readValue("""
                {"read":"2026-01-01T00:00:01Z",
                 "cpu_stats":{"cpu_usage":{"total_usage":300,"percpu_usage":[100,100,50,50]},"system_cpu_usage":1000},
                 "precpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":600},
                 "memory_stats":{"usage":10,"limit":20}}
                """, StatsResponse.class);

        assertThat(r.cpuPercent()).as("200 of 400 ns on 4 CPUs").isCloseTo(200.0, within(0.001));
    }

    @Test
    void an_item_without_cpu_memory_or_a_readable_time_gives_zeros_and_now() throws Exception {
        Instant before = Instant.now();
        StatsResponse r = JSON.readValue("{\"read\":\"0001-01-01 00:00\"}", StatsResponse.class);

        assertThat(r.cpuPercent()).isZero();
        assertThat(r.memoryUsed()).isZero();
        assertThat(r.memoryLimit()).isZero();
        assertThat(r.readAt()).isBetween(before, Instant.now());
    }
}
