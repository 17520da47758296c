package io.gantry.console.metrics;

import io.gantry.console.engine.EngineClient;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples the host's CPU, memory and disk (the file system of the engine's data root) every few seconds
 * ({@code gantry.metrics.sample-interval}, 5 s by default) and keeps the last hour in memory for the dashboard.
 * The console shares the host of a unix-socket engine, so the figures are the engine's host's.
 */
@Component
class HostSampler {

    static final Duration KEPT = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(HostSampler.class);

    private final EngineClient engine;
    private final Clock clock;
    private final Path proc;
    private final SampleRing<HostSample> samples;
    private @Nullable CpuTimes lastCpu;
    private @Nullable Path dataRoot;

    @Autowired
    HostSampler(EngineClient engine, Clock clock,
            @Value("${gantry.metrics.sample-interval:5s}") Duration interval) {
        this(engine, clock, Path.of("/proc"), interval);
    }

    HostSampler(EngineClient engine, Clock clock, Path proc, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("gantry.metrics.sample-interval must be positive, not " + interval);
        }
        this.engine = engine;
        this.clock = clock;
        this.proc = proc;
        this.samples = new SampleRing<>((int) Math.max(2, KEPT.toMillis() / interval.toMillis()));
    }

    /** Oldest first, covering at most the last hour. */
    List<HostSample> history() {
        return samples.snapshot();
    }

    @Scheduled(initialDelay = 0, fixedRateString = "${gantry.metrics.sample-interval:5s}")
    synchronized void sample() {
        try {
            CpuTimes cpu = CpuTimes.parse(Files.readAllLines(proc.resolve("stat")).get(0));
            long[] memory = memory();
            long[] disk = disk();
            if (lastCpu != null) {
                samples.add(new HostSample(clock.instant(), cpu.busyPercentSince(lastCpu), memory[0] - memory[1],
                        memory[0], disk[0] - disk[1], disk[0]));
            }
            lastCpu = cpu;
        } catch (IOException | RuntimeException e) {
            log.debug("host sample skipped: {}", e.getMessage());
        }
    }

    /** MemTotal and MemAvailable, in bytes. */
    private long[] memory() throws IOException {
        long total = 0;
        long available = 0;
        for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                total = kib(line) << 10;
            } else if (line.startsWith("MemAvailable:")) {
                available = kib(line) << 10;
            }
        }
        return new long[] {total, available};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Total and usable bytes of the data root's file system (asked of the engine once). */
    private long[] disk() throws IOException {
        if (dataRoot == null) {
            Path root = Path.of(engine.info().dockerRootDir());
            while (root != null && !Files.exists(root)) {
                root = root.getParent();
            }
            dataRoot = root == null ? Path.of("/") : root;
        }
        FileStore store = Files.getFileStore(dataRoot);
        return new long[] {store.getTotalSpace(), store.getUsableSpace()};
    }
}
