package io.gantry.console.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The host's CPU time counters from the {@code cpu} line of {@code /proc/stat}, in clock ticks: all of it, and the
 * part spent idle or waiting for I/O. Two readings give the busy share in between.
 */
record CpuTimes(long total, long idle) {

    /** The first line of {@code procStat} (the {@code cpu} line). */
    static CpuTimes read(Path procStat) {
        try {
            return parse(Files.readAllLines(procStat).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("read " + procStat + ": " + e.getMessage(), e);
        }
    }

    static CpuTimes parse(String cpuLine) {
        String[] f = cpuLine.strip().split("\\s+");
        if (f.length < 5 || !f[0].equals("cpu")) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        // user nice system idle iowait irq softirq steal; guest time is already counted in user
        long[] v = Arrays.stream(f, 1, Math.min(f.length, 9)).mapToLong(Long::parseLong).toArray();
        long total = Arrays.stream(v).sum();
        long idle = v[3] + (v.length > 4 ? v[4] : 0);
        return new CpuTimes(total, idle);
    }

    /** The busy share from {@code before} to this reading, in percent (0 when no time passed). */
    double busyPercentSince(CpuTimes before) {
        long total = this.total - before.total;
        long idle = this.idle - before.idle;
        return total <= 0 ? 0 : Math.max(0, Math.min(100, 100.0 * (total - idle) / total));
    }
}
