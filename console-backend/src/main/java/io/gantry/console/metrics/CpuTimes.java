package io.gantry.console.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's CPU time from the first line of {@code /proc/stat}, in clock ticks: busy and all. Two readings give the
 * share of CPU time that was busy in between.
 */
record CpuTimes(long busy, long total) {

    static CpuTimes read(Path procStat) {
        try {
            String line = Files.readAllLines(procStat).get(0);
            String[] f = line.trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal ...
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new CpuTimes(total - idle, total);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + procStat + ": " + e.getMessage(), e);
        }
    }

    /** Percent of CPU time busy between {@code earlier} and this reading. */
    double busyPercentSince(CpuTimes earlier) {
        long all = total - earlier.total;
        return all <= 0 ? 0 : 100.0 * (busy - earlier.busy) / all;
    }
}
