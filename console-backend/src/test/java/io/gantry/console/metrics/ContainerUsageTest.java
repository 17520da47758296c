package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.StatsResponse;
import org.junit.jupiter.api.Test;

/** CPU and memory use read from a stats item as the docker CLI reads them. */
class ContainerUsageTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void cpu_is_the_containers_share_of_the_hosts_time_across_its_cpus_and_memory_leaves_out_inactive_files()
            throws Exception {
        StatsResponse item = json.readValue("""
                {"read": "2026-11-28T10:00:01Z",
                 "cpu_stats": {"cpu_usage": {"total_usage": 3000000000}, "system_cpu_usage": 20000000000, "online_cpus": 4},
                 "precpu_stats": {"cpu_usage": {"total_usage": 2000000000}, "system_cpu_usage": 16000000000, "online_cpus": 4},
                 "memory_stats": {"usage": 52428800, "limit": 104857600, "stats": {"inactive_file": 10485760}},
                 "pids_stats": {"current": 3}}
                """, StatsResponse.class);

        ContainerUsage usage = ContainerUsage.of(item);

        assertThat(usage.cpuPercent()).isCloseTo(100.0, within(0.001));
        assertThat(usage.memoryBytes()).isEqualTo(41943040);
        assertThat(usage.memoryPercent()).isCloseTo(40.0, within(0.001));
    }

    @Test
    void a_first_item_counts_from_zero_and_the_v1_name_of_inactive_files_is_read_too() throws Exception {
        StatsResponse item = json.readValue("""
                {"read": "2026-11-28T10:00:01Z", "cpu_stats": {"cpu_usage": {"total_usage": 5}, "system_cpu_usage": 10, "online_cpus": 1},
                 "precpu_stats": {"cpu_usage": {"total_usage": 0}, "system_cpu_usage": 0, "online_cpus": 1},
                 "memory_stats": {"usage": 100, "limit": 0, "stats": {"total_inactive_file": 40}}}
                """, StatsResponse.class);

        ContainerUsage usage = ContainerUsage.of(item);

        assertThat(usage.cpuPercent()).isCloseTo(50.0, within(0.001));
        assertThat(usage.memoryBytes()).isEqualTo(60);
        assertThat(usage.memoryPercent()).isZero();
    }
}
