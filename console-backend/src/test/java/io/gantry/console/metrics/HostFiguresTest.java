package io.gantry.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gantry.core.api.types.StatsResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of the dashboard's and the container page's figures. */
class HostFiguresTest {

    @Test
    void the_busy_share_of_the_cpus_comes_from_two_readings_of_proc_stat() {
        CpuTimes before = CpuTimes.parse("cpu  100 0 100 800 0 0 0 0 0 0");
        CpuTimes after = CpuTimes.parse("cpu  150 0 150 850 50 0 0 0 0 0");

        assertThat(after.busyPercentSince(before)).isEqualTo(50.0);
        assertThat(before.busyPercentSince(before)).isZero();
        assertThatThrownBy(() -> CpuTimes.parse("intr 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_ring_keeps_the_newest_samples_oldest_first() {
        SampleRing<Integer> ring = new SampleRing<>(3);
        assertThat(ring.snapshot()).isEmpty();
        for (int i = 1; i <= 5; i++) {
            ring.add(i);
        }
        assertThat(ring.snapshot()).containsExactly(3, 4, 5);
    }

    @Test
    void container_rates_are_per_second_between_readings_and_a_restart_starts_afresh() {
        List<ContainerMetrics> figures = new ArrayList<>();
        ContainerRates rates = new ContainerRates(figures::add);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        rates.accept(reading(t0, 0, 0, 1000, 0));
        assertThat(figures).as("the first reading is only a baseline").isEmpty();
        rates.accept(reading(t0.plusSeconds(2), 500_000_000, 2_000_000_000, 5000, 4096));
        rates.accept(reading(t0.plusSeconds(3), 500_000_000, 3_000_000_000L, 100, 4096));

        assertThat(figures).hasSize(2);
        ContainerMetrics first = figures.get(0);
        assertThat(first.cpuPercent()).isCloseTo(25.0, within(0.001));
        assertThat(first.networkRxPerSecond()).isEqualTo(2000.0);
        assertThat(first.blockWritePerSecond()).isEqualTo(2048.0);
        assertThat(figures.get(1).networkRxPerSecond()).as("a counter that went back restarted").isEqualTo(100.0);
    }

    /** A reading whose CPU figures say the container used {@code cpu} of {@code system} nanoseconds since the last. */
    private static StatsResponse reading(Instant at, long cpu, long system, long rx, long written) {
        return new StatsResponse(at.toString(), null, cpu(cpu, system), cpu(0, system == 0 ? 0 : 1),
                new StatsResponse.Memory(1 << 20, 1 << 30, null), Map.of("eth0", new StatsResponse.Network(rx, rx / 2)),
                new StatsResponse.Blkio(List.of(new StatsResponse.BlkioEntry("write", written))));
    }

    private static StatsResponse.Cpu cpu(long total, long system) {
        return new StatsResponse.Cpu(new StatsResponse.CpuUsage(total, null), system, 1);
    }
}
