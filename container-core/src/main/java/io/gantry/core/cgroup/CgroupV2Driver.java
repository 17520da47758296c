package io.gantry.core.cgroup;

import io.gantry.core.errors.EngineException;
import io.gantry.core.errors.FailedPreconditionException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * cgroup v2 (unified): one directory per container, {@code <mount>/<engine's own cgroup>/<instance>/<name>}.
 *
 * <p>v2 lets a cgroup either hold processes or hand controllers to children, never both (the root excepted).
 * So before enabling controllers in its own cgroup the engine moves that cgroup's processes, itself
 * included, into a leaf child named {@value #ENGINE_LEAF}; an engine that finds itself in such a leaf
 * nests its instances beside it. v2 has no device files: the device rules become an eBPF program attached to
 * each container's cgroup at creation ({@link DeviceFilter}).
 */
public final class CgroupV2Driver implements CgroupDriver {

    /** The leaf the engine's own cgroup's processes move into so that the cgroup may delegate controllers. */
    public static final String ENGINE_LEAF = "gantry-engine";
    static final List<String> CONTROLLERS = List.of("cpuset", "cpu", "io", "memory", "pids");
    private static final long CFS_PERIOD_US = 100_000;

    private final Path parent;
    private final Set<String> controllers;

    CgroupV2Driver(Path parent, Set<String> controllers) {
        this.parent = parent;
        this.controllers = Set.copyOf(controllers);
    }

    /**
     * The driver for an instance whose parent is named {@code instanceName}, nested under the cgroup this JVM runs
     * in ({@code 0::} line of {@code /proc/self/cgroup}), after moving that cgroup's processes into a leaf if it
     * has to delegate controllers.
     */
    public static CgroupV2Driver nestedUnderSelf(Path mountRoot, String instanceName) {
        String own = CgroupDrivers.ownV2Path();
        Path engine = mountRoot.resolve(own.substring(1));
        if (!engine.equals(mountRoot) && engine.getFileName().toString().equals(ENGINE_LEAF)) {
            engine = engine.getParent();
        }
        try {
            Set<String> available = Set.copyOf(List.of(Files.readString(engine.resolve("cgroup.controllers")).strip().split("\\s+")));
            List<String> wanted = CONTROLLERS.stream().filter(available::contains).toList();
            if (!engine.equals(mountRoot)) {
                moveProcessesToLeaf(engine);
            }
            enable(engine, wanted);
            Path parent = engine.resolve(instanceName);
            Files.createDirectories(parent);
            enable(parent, wanted);
            return new CgroupV2Driver(parent, Set.copyOf(wanted));
        } catch (IOException e) {
            throw new FailedPreconditionException("cgroup v2: prepare " + engine.resolve(instanceName) + ": " + e.getMessage(), e);
        }
    }

    /** Moves every process of {@code cgroup} into its {@value #ENGINE_LEAF} child, until none is left. */
    private static void moveProcessesToLeaf(Path cgroup) throws IOException {
        Path leaf = cgroup.resolve(ENGINE_LEAF);
        for (int round = 0; round < 10; round++) {
            List<String> pids = Files.readAllLines(cgroup.resolve("cgroup.procs")).stream().filter(l -> !l.isBlank()).toList();
            if (pids.isEmpty()) {
                return;
            }
            Files.createDirectories(leaf);
            for (String pid : pids) {
                try {
                    Files.writeString(leaf.resolve("cgroup.procs"), pid.strip());
                } catch (IOException e) {
                    // ESRCH: it exited meanwhile
                }
            }
        }
        throw new FailedPreconditionException("cgroup v2: processes keep appearing in " + cgroup + ", cannot move them to " + leaf);
    }

    private static void enable(Path cgroup, List<String> wanted) throws IOException {
        Set<String> on = Set.of(Files.readString(cgroup.resolve("cgroup.subtree_control")).strip().split("\\s+"));
        for (String c : wanted) {
            if (!on.contains(c)) {
                Files.writeString(cgroup.resolve("cgroup.subtree_control"), "+" + c);
            }
        }
    }

    @Override
    public Cgroup create(String name, Resources resources) {
        Path dir = parent.resolve(name);
        try {
            Files.createDirectories(dir);
            Cgroup cgroup = cgroupAt(name, dir);
            apply(cgroup, resources);
            if (!resources.devices().isEmpty()) {
                Bpf.attachDeviceProgram(dir, DeviceFilter.program(resources.devices()));
            }
            return cgroup;
        } catch (IOException | RuntimeException e) {
            CgroupV1Driver.rmdirWithRetry(dir);
            throw e instanceof EngineException ee ? ee : new FailedPreconditionException("create cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Cgroup cgroupAt(String name, Path dir) {
        return new Cgroup(name, List.of(dir), Optional.of(dir.resolve("memory.events")));
    }

    @Override
    public Optional<Cgroup> find(String name) {
        Path dir = parent.resolve(name);
        return Files.isDirectory(dir) ? Optional.of(cgroupAt(name, dir)) : Optional.empty();
    }

    @Override
    public List<Long> pids(Cgroup cgroup) {
        try {
            return Files.readAllLines(cgroup.procsFiles().get(0)).stream().filter(l -> !l.isBlank())
                    .map(l -> Long.parseLong(l.strip())).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new FailedPreconditionException("list processes of cgroup " + cgroup.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes memory.max, memory.swap.max (Docker's memory+swap less the memory), cpu.max, cpu.weight (from
     * shares, as runc converts), cpuset.cpus and pids.max. Device rules stay as {@link #create} attached them
     * (Docker cannot update them either).
     */
    @Override
    public void apply(Cgroup cgroup, Resources r) {
        Path dir = cgroup.dirs().get(0);
        try {
            if (r.memoryBytes() > 0 || Files.exists(dir.resolve("memory.max"))) {
                write(dir, "memory.max", r.memoryBytes() == 0 ? "max" : Long.toString(r.memoryBytes()));
                if (Files.exists(dir.resolve("memory.swap.max"))) {
                    write(dir, "memory.swap.max", swapMax(r));
                }
            }
            if (r.nanoCpus() > 0 || Files.exists(dir.resolve("cpu.max"))) {
                String quota = r.nanoCpus() == 0 ? "max" : Long.toString(r.nanoCpus() * CFS_PERIOD_US / 1_000_000_000L);
                write(dir, "cpu.max", quota + " " + CFS_PERIOD_US);
            }
            if (r.cpuShares() > 0) {
                write(dir, "cpu.weight", Long.toString(weightOfShares(r.cpuShares())));
            }
            if (!r.cpusetCpus().isEmpty()) {
                write(dir, "cpuset.cpus", r.cpusetCpus());
            }
            if (r.pidsLimit() > 0 || Files.exists(dir.resolve("pids.max"))) {
                write(dir, "pids.max", r.pidsLimit() == 0 ? "max" : Long.toString(r.pidsLimit()));
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("apply resources to cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Docker's memory-swap is memory plus swap (0: as much swap as memory, -1: unlimited); v2 wants swap alone. */
    static String swapMax(Resources r) {
        if (r.memoryBytes() == 0 || r.memorySwapBytes() == -1) {
            return "max";
        }
        return Long.toString(r.memorySwapBytes() == 0 ? r.memoryBytes() : r.memorySwapBytes() - r.memoryBytes());
    }

    /** runc's mapping of v1 shares (2..262144) onto v2 weights (1..10000). */
    static long weightOfShares(long shares) {
        long s = Math.max(2, Math.min(262_144, shares));
        return 1 + ((s - 2) * 9_999) / 262_142;
    }

    /** {@code cgroup.freeze} starts it; {@code cgroup.events} says {@code frozen 1} once every task stopped. */
    @Override
    public void freeze(Cgroup cgroup, boolean frozen) {
        Path dir = cgroup.dirs().get(0);
        String want = frozen ? "frozen 1" : "frozen 0";
        try {
            write(dir, "cgroup.freeze", frozen ? "1" : "0");
            for (int attempt = 0; attempt < CgroupV1Driver.FREEZE_ATTEMPTS; attempt++) {
                if (Files.readAllLines(dir.resolve("cgroup.events")).contains(want)) {
                    return;
                }
                sleepQuietly(Math.min(1 + attempt, 10));
            }
            if (frozen) {
                write(dir, "cgroup.freeze", "0");
            }
        } catch (IOException e) {
            throw new FailedPreconditionException((frozen ? "freeze" : "thaw") + " cgroup " + dir + ": " + e.getMessage(), e);
        }
        throw new FailedPreconditionException((frozen ? "freeze" : "thaw") + " cgroup " + dir + ": cgroup.events never said " + want);
    }

    @Override
    public CgroupStats stats(Cgroup cgroup) {
        Path dir = cgroup.dirs().get(0);
        try {
            Map<String, Long> cpuStat = CgroupFiles.keyedLongs(read(dir, "cpu.stat"));
            CgroupStats.Cpu cpu = new CgroupStats.Cpu(micros(cpuStat, "usage_usec"), List.of(), micros(cpuStat, "system_usec"),
                    micros(cpuStat, "user_usec"), cpuStat.getOrDefault("nr_periods", 0L),
                    cpuStat.getOrDefault("nr_throttled", 0L), micros(cpuStat, "throttled_usec"));
            Map<String, Long> memStat = CgroupFiles.keyedLongs(readIfPresent(dir, "memory.stat"));
            long limit = CgroupFiles.limit(readIfPresent(dir, "memory.max", "max"));
            CgroupStats.Memory memory = new CgroupStats.Memory(Long.parseLong(readIfPresent(dir, "memory.current", "0")),
                    Long.parseLong(readIfPresent(dir, "memory.peak", "0")), limit == 0 ? Long.MAX_VALUE : limit,
                    memStat.getOrDefault("inactive_file", 0L), memStat);
            CgroupStats.Pids pids = new CgroupStats.Pids(Long.parseLong(readIfPresent(dir, "pids.current", "0")),
                    CgroupFiles.limit(readIfPresent(dir, "pids.max", "max")));
            return new CgroupStats(cpu, memory, pids, ioStat(readIfPresent(dir, "io.stat")));
        } catch (IOException | RuntimeException e) {
            throw new FailedPreconditionException("stats of cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code 8:0 rbytes=1 wbytes=2 rios=3 ...} lines, as Docker reports them: op {@code read} and {@code write}. */
    static List<CgroupStats.BlkioEntry> ioStat(String text) {
        List<CgroupStats.BlkioEntry> entries = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            String[] dev = f[0].split(":");
            if (dev.length != 2) {
                continue;
            }
            for (int i = 1; i < f.length; i++) {
                String[] kv = f[i].split("=", 2);
                if (kv.length == 2 && (kv[0].equals("rbytes") || kv[0].equals("wbytes"))) {
                    entries.add(new CgroupStats.BlkioEntry(Long.parseLong(dev[0]), Long.parseLong(dev[1]),
                            kv[0].equals("rbytes") ? "read" : "write", Long.parseLong(kv[1])));
                }
            }
        }
        return entries;
    }

    private static long micros(Map<String, Long> stat, String key) {
        return stat.getOrDefault(key, 0L) * 1000;
    }

    @Override
    public void destroy(Cgroup cgroup) {
        for (Path dir : cgroup.dirs()) {
            CgroupV1Driver.rmdirWithRetry(dir);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(parent);
        } catch (DirectoryNotEmptyException e) {
            // another container's cgroup is still there
        } catch (FileSystemException e) {
            // EBUSY: a child cgroup remains
        } catch (IOException e) {
            // best effort
        }
    }

    /** The controllers this instance's cgroups have (those the engine's own cgroup could delegate). */
    public Set<String> controllers() {
        return controllers;
    }

    private static void write(Path dir, String file, String value) throws IOException {
        Files.writeString(dir.resolve(file), value);
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file)).strip();
    }

    /** A controller's file is missing when the controller is not enabled for the cgroup. */
    private static String readIfPresent(Path dir, String file, String absent) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p).strip() : absent;
    }

    private static String readIfPresent(Path dir, String file) throws IOException {
        return readIfPresent(dir, file, "");
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
