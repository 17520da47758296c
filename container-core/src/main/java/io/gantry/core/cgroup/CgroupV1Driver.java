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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * cgroup v1: one directory per controller hierarchy, {@code <mount>/<engine's own cgroup>/<instance>/<name>}.
 * Hierarchies that share a mount (e.g. {@code cpu,cpuacct}) are handled once.
 */
public final class CgroupV1Driver implements CgroupDriver {

    static final List<String> CONTROLLERS =
            List.of("memory", "pids", "cpu", "cpuacct", "cpuset", "devices", "freezer", "blkio");
    private static final long CFS_PERIOD_US = 100_000;
    static final java.time.Duration RMDIR_PATIENCE = java.time.Duration.ofSeconds(10);
    /** About five seconds of waiting for the freezer. */
    static final int FREEZE_ATTEMPTS = 550;
    /** cpuacct.stat counts USER_HZ ticks, 100 a second on every Linux architecture Gantry runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** controller → the instance's parent directory in that controller's hierarchy. */
    private final Map<String, Path> parents;

    CgroupV1Driver(Map<String, Path> parents) {
        this.parents = Map.copyOf(parents);
    }

    /**
     * The driver for an instance whose parent is named {@code instanceName}, nested under the cgroups this JVM
     * runs in (read from {@code /proc/self/cgroup}).
     */
    public static CgroupV1Driver nestedUnderSelf(Path mountRoot, String instanceName) {
        Map<String, String> own = CgroupDrivers.ownV1Paths();
        Map<String, Path> parents = new LinkedHashMap<>();
        for (String controller : CONTROLLERS) {
            String rel = own.getOrDefault(controller, "/").substring(1);
            Path mount = mountRoot.resolve(controller);
            if (!Files.isDirectory(mount)) {
                throw new FailedPreconditionException("cgroup v1: controller " + controller + " is not mounted at " + mount);
            }
            parents.put(controller, mount.resolve(rel).resolve(instanceName));
        }
        return new CgroupV1Driver(parents);
    }

    @Override
    public Cgroup create(String name, Resources resources) {
        List<Path> dirs = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> e : parents.entrySet()) {
                Path dir = e.getValue().resolve(name);
                if (dirs.stream().anyMatch(d -> sameDir(d, dir))) {
                    continue;
                }
                if (e.getKey().equals("cpuset")) {
                    initCpuset(e.getValue());
                }
                Files.createDirectories(dir);
                dirs.add(dir);
                if (e.getKey().equals("cpuset")) {
                    initCpuset(dir);
                }
            }
            Cgroup cgroup = new Cgroup(name, dirs, Optional.of(parents.get("memory").resolve(name).resolve("memory.oom_control")));
            apply(cgroup, resources);
            return cgroup;
        } catch (IOException | RuntimeException e) {
            dirs.forEach(CgroupV1Driver::rmdirQuietly);
            throw e instanceof EngineException ee ? ee : new FailedPreconditionException("create cgroup " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Cgroup> find(String name) {
        List<Path> dirs = new ArrayList<>();
        for (Path parent : parents.values()) {
            Path dir = parent.resolve(name);
            if (Files.isDirectory(dir) && dirs.stream().noneMatch(d -> sameDir(d, dir))) {
                dirs.add(dir);
            }
        }
        return dirs.isEmpty() ? Optional.empty()
                : Optional.of(new Cgroup(name, dirs, Optional.of(dir("memory", name).resolve("memory.oom_control"))));
    }

    @Override
    public List<Long> pids(Cgroup cgroup) {
        Set<Long> pids = new TreeSet<>();
        for (Path procs : cgroup.procsFiles()) {
            try {
                Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.strip()))
                        .forEach(pids::add);
            } catch (NoSuchFileException e) {
                // this hierarchy's directory is gone already
            } catch (IOException e) {
                throw new FailedPreconditionException("list processes of cgroup " + cgroup.name() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(pids);
    }

    @Override
    public void apply(Cgroup cgroup, Resources r) {
        String name = cgroup.name();
        try {
            if (r.memoryBytes() > 0) {
                write("memory", name, "memory.limit_in_bytes", Long.toString(r.memoryBytes()));
                Path memsw = dir("memory", name).resolve("memory.memsw.limit_in_bytes");
                if (Files.exists(memsw)) {
                    long swap = r.memorySwapBytes() == 0 ? 2 * r.memoryBytes() : r.memorySwapBytes();
                    Files.writeString(memsw, Long.toString(swap));
                }
            }
            write("cpu", name, "cpu.cfs_period_us", Long.toString(CFS_PERIOD_US));
            write("cpu", name, "cpu.cfs_quota_us", r.nanoCpus() == 0 ? "-1" : Long.toString(r.nanoCpus() * CFS_PERIOD_US / 1_000_000_000L));
            if (r.cpuShares() > 0) {
                write("cpu", name, "cpu.shares", Long.toString(r.cpuShares()));
            }
            if (!r.cpusetCpus().isEmpty()) {
                write("cpuset", name, "cpuset.cpus", r.cpusetCpus());
            }
            write("pids", name, "pids.max", r.pidsLimit() == 0 ? "max" : Long.toString(r.pidsLimit()));
            for (DeviceRule rule : r.devices()) {
                write("devices", name, rule.allow() ? "devices.allow" : "devices.deny", rule.v1Line());
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("apply resources to cgroup " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * v1 freezer: writing {@code FROZEN} starts freezing and the state reads {@code FREEZING} until every task
     * stopped; a task busy in the kernel can hold that up, so the write is repeated while waiting (as runc does).
     */
    @Override
    public void freeze(Cgroup cgroup, boolean frozen) {
        String want = frozen ? "FROZEN" : "THAWED";
        try {
            for (int attempt = 0; attempt < FREEZE_ATTEMPTS; attempt++) {
                write("freezer", cgroup.name(), "freezer.state", want);
                if (read("freezer", cgroup.name(), "freezer.state").equals(want)) {
                    return;
                }
                sleepQuietly(Math.min(1 + attempt, 10));
            }
            if (frozen) {
                write("freezer", cgroup.name(), "freezer.state", "THAWED");
            }
        } catch (IOException e) {
            throw new FailedPreconditionException((frozen ? "freeze" : "thaw") + " cgroup " + cgroup.name() + ": " + e.getMessage(), e);
        }
        throw new FailedPreconditionException((frozen ? "freeze" : "thaw") + " cgroup " + cgroup.name()
                + ": the kernel did not report " + want + " in time");
    }

    @Override
    public CgroupStats stats(Cgroup cgroup) {
        String name = cgroup.name();
        try {
            Map<String, Long> cpuacct = CgroupFiles.keyedLongs(read("cpuacct", name, "cpuacct.stat"));
            Map<String, Long> cpuStat = CgroupFiles.keyedLongs(read("cpu", name, "cpu.stat"));
            CgroupStats.Cpu cpu = new CgroupStats.Cpu(Long.parseLong(read("cpuacct", name, "cpuacct.usage")),
                    CgroupFiles.longs(read("cpuacct", name, "cpuacct.usage_percpu")),
                    cpuacct.getOrDefault("system", 0L) * NANOS_PER_TICK, cpuacct.getOrDefault("user", 0L) * NANOS_PER_TICK,
                    cpuStat.getOrDefault("nr_periods", 0L), cpuStat.getOrDefault("nr_throttled", 0L),
                    cpuStat.getOrDefault("throttled_time", 0L));
            Map<String, Long> memStat = CgroupFiles.keyedLongs(read("memory", name, "memory.stat"));
            CgroupStats.Memory memory = new CgroupStats.Memory(Long.parseLong(read("memory", name, "memory.usage_in_bytes")),
                    Long.parseLong(read("memory", name, "memory.max_usage_in_bytes")),
                    Long.parseLong(read("memory", name, "memory.limit_in_bytes")),
                    memStat.getOrDefault("total_inactive_file", 0L), memStat);
            CgroupStats.Pids pids = new CgroupStats.Pids(Long.parseLong(read("pids", name, "pids.current")),
                    CgroupFiles.limit(read("pids", name, "pids.max")));
            return new CgroupStats(cpu, memory, pids, blkio(read("blkio", name, "blkio.throttle.io_service_bytes")));
        } catch (IOException | RuntimeException e) {
            throw new FailedPreconditionException("stats of cgroup " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code 8:0 Read 4096} lines; the closing {@code Total} line is left out, as Docker does. */
    private static List<CgroupStats.BlkioEntry> blkio(String ioServiceBytes) {
        List<CgroupStats.BlkioEntry> entries = new ArrayList<>();
        for (String line : ioServiceBytes.lines().toList()) {
            String[] f = line.split("\\s+");
            String[] dev = f[0].split(":");
            if (f.length == 3 && dev.length == 2) {
                entries.add(new CgroupStats.BlkioEntry(Long.parseLong(dev[0]), Long.parseLong(dev[1]), f[1], Long.parseLong(f[2])));
            }
        }
        return entries;
    }

    @Override
    public void destroy(Cgroup cgroup) {
        for (Path dir : cgroup.dirs()) {
            rmdirWithRetry(dir);
        }
    }

    @Override
    public void close() {
        parents.values().forEach(CgroupV1Driver::rmdirQuietly);
    }

    /** A new cpuset cgroup has empty cpus and mems, and no task may join it until both are copied in. */
    private static void initCpuset(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
            if (Files.readString(dir.resolve(file)).isBlank()) {
                Files.writeString(dir.resolve(file), Files.readString(dir.getParent().resolve(file)).strip());
            }
        }
    }

    /**
     * A cgroup whose last task just exited can stay busy for a moment: a container with many processes (Apache's
     * workers) takes a while to be torn down once its init dies, more so on a loaded host. rmdir is retried for up to
     * {@link #RMDIR_PATIENCE}.
     */
    static void rmdirWithRetry(Path dir) {
        long deadline = System.nanoTime() + RMDIR_PATIENCE.toNanos();
        while (true) {
            try {
                Files.delete(dir);
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new FailedPreconditionException("remove cgroup " + dir + ": " + e.getMessage(), e);
                }
                sleepQuietly(20);
            }
        }
    }

    private static void rmdirQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // still in use by another container
        } catch (FileSystemException e) {
            // EBUSY: a child cgroup remains
        } catch (IOException e) {
            // best effort
        }
    }

    private Path dir(String controller, String name) {
        return parents.get(controller).resolve(name);
    }

    private void write(String controller, String name, String file, String value) throws IOException {
        Files.writeString(dir(controller, name).resolve(file), value);
    }

    private String read(String controller, String name, String file) throws IOException {
        return Files.readString(dir(controller, name).resolve(file)).strip();
    }

    private static boolean sameDir(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
