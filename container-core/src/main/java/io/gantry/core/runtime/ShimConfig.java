package io.gantry.core.runtime;

import io.gantry.core.cgroup.Cgroup;
import io.gantry.core.snapshot.Mount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shim's input: NUL-separated key/value pairs, every value final. This is where Docker's runtime defaults
 * (mounts, device nodes, masked paths, capability sets, the seccomp program) are turned into plain instructions.
 */
final class ShimConfig {

    private static final long MS_RDONLY = 1;
    private static final long MS_NOSUID = 2;
    private static final long MS_NODEV = 4;
    private static final long MS_NOEXEC = 8;
    private static final long MS_STRICTATIME = 1L << 24;

    static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore",
            "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ShimConfig() {
    }

    static byte[] of(ContainerSpec spec, Mount rootfs, Path rootfsTarget, Cgroup cgroup, Path log, Path exit,
                     Path attachSocket, long hostBoundingSet) {
        ShimConfig c = new ShimConfig();
        c.put("attach", attachSocket.toString());
        if (spec.tty()) {
            c.put("tty", "1");
        }
        if (spec.openStdin()) {
            c.put("stdin", "1");
        }
        cgroup.procsFiles().forEach(p -> c.put("cgroup.procs", p.toString()));
        cgroup.oomCounter().ifPresent(p -> c.put("oom", p.toString()));
        if (!spec.netnsPath().isEmpty()) {
            c.put("netns", spec.netnsPath());
        }
        c.put("rootfs.type", rootfs.type());
        c.put("rootfs.source", rootfs.source());
        c.put("rootfs.data", rootfs.type().equals("bind") ? "" : rootfs.data());
        c.put("rootfs.target", rootfsTarget.toString());
        spec.binds().forEach(b -> c.put("bind", b.source() + "\t" + b.target() + "\t" + (b.readOnly() ? "ro" : "rw")));
        c.defaultMounts(spec.privileged());
        c.devices(spec.privileged());
        if (!spec.privileged()) {
            masked().forEach(p -> c.put("mask", p));
            READONLY_PATHS.forEach(p -> c.put("readonly", p));
        }
        if (!spec.hostname().isEmpty()) {
            c.put("hostname", spec.hostname());
        }
        c.process(spec, spec.workingDir(), spec.uid(), spec.gid(), spec.groups(), spec.env(), spec.command(),
                hostBoundingSet);
        c.put("log", log.toString());
        c.put("log.max-size", Long.toString(spec.logMaxSize()));
        c.put("log.max-file", Integer.toString(spec.logMaxFiles()));
        c.put("exit", exit.toString());
        return c.out.toByteArray();
    }

    /** An extra process in the running container whose init is {@code initPid}, as the container's own. */
    static byte[] forExec(ContainerSpec spec, ExecSpec exec, Cgroup cgroup, long initPid, long initStartTime,
                          long hostBoundingSet) {
        ShimConfig c = new ShimConfig();
        cgroup.procsFiles().forEach(p -> c.put("cgroup.procs", p.toString()));
        c.put("exec.pid", Long.toString(initPid));
        c.put("exec.starttime", Long.toString(initStartTime));
        if (exec.tty()) {
            c.put("tty", "1");
        }
        List<String> env = new ArrayList<>(spec.env());
        env.addAll(exec.env());
        c.process(spec, exec.workingDir().isEmpty() ? spec.workingDir() : exec.workingDir(),
                exec.uid() < 0 ? spec.uid() : exec.uid(), exec.uid() < 0 ? spec.gid() : exec.gid(),
                exec.uid() < 0 ? spec.groups() : List.of(), env, exec.command(), hostBoundingSet);
        return c.out.toByteArray();
    }

    /** What every container process gets: cwd, no_new_privs, seccomp, capabilities, user, env and argv. */
    private void process(ContainerSpec spec, String cwd, long uid, long gid, List<Long> groups, List<String> env,
                         List<String> argv, long hostBoundingSet) {
        put("cwd", cwd);
        if (spec.noNewPrivileges()) {
            put("nnp", "1");
        }
        Set<Capability> caps = spec.privileged() ? EnumSet.allOf(Capability.class) : spec.capabilities();
        long capMask = Capability.mask(caps) & hostBoundingSet;
        if (spec.seccomp() && !spec.privileged()) {
            put("seccomp", SeccompFilter.compile(caps));
        }
        put("cap.bounding", "0x" + Long.toHexString(capMask));
        put("cap.effective", "0x" + Long.toHexString(capMask));
        put("uid", Long.toString(uid));
        put("gid", Long.toString(gid));
        put("groups", groups.stream().map(String::valueOf).collect(Collectors.joining(",")));
        env.forEach(e -> put("env", e));
        argv.forEach(a -> put("arg", a));
    }

    /** Where {@link #defaultMounts} mounts at the top level, creating the directories in the rootfs if missing. */
    static final List<String> DEFAULT_MOUNT_POINTS = List.of("/proc", "/dev", "/sys");

    private void defaultMounts(boolean privileged) {
        mount("proc", "proc", "/proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, "");
        mount("tmpfs", "tmpfs", "/dev", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
        mount("devpts", "devpts", "/dev/pts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5");
        mount("tmpfs", "shm", "/dev/shm", MS_NOSUID | MS_NOEXEC | MS_NODEV, "mode=1777,size=67108864");
        mount("mqueue", "mqueue", "/dev/mqueue", MS_NOSUID | MS_NOEXEC | MS_NODEV, "");
        mount("sysfs", "sysfs", "/sys", MS_NOSUID | MS_NOEXEC | MS_NODEV | (privileged ? 0 : MS_RDONLY), "");
    }

    /** runtime-spec's default devices (a privileged container's are the host's, as in Docker), plus runc's links. */
    private void devices(boolean privileged) {
        Map<String, DeviceNode> nodes = new LinkedHashMap<>();
        DeviceNode.defaults().forEach(d -> nodes.put(d.path(), d));
        if (privileged) {
            DeviceNode.under(Path.of("/dev")).forEach(d -> nodes.put(d.path(), d));
        }
        nodes.values().forEach(d -> put("device", d.configLine()));
        put("symlink", "/proc/self/fd\t/dev/fd");
        put("symlink", "/proc/self/fd/0\t/dev/stdin");
        put("symlink", "/proc/self/fd/1\t/dev/stdout");
        put("symlink", "/proc/self/fd/2\t/dev/stderr");
        put("symlink", "pts/ptmx\t/dev/ptmx");
        put("symlink", "/proc/kcore\t/dev/core");
    }

    /** Docker's masked paths, plus each CPU's {@code thermal_throttle} directory where the host has one. */
    static List<String> masked() {
        List<String> paths = new ArrayList<>(MASKED_PATHS);
        try (DirectoryStream<Path> cpus = Files.newDirectoryStream(Path.of("/sys/devices/system/cpu"), "cpu[0-9]*")) {
            for (Path cpu : cpus) {
                if (Files.isDirectory(cpu.resolve("thermal_throttle"))) {
                    paths.add(cpu.resolve("thermal_throttle").toString());
                }
            }
        } catch (IOException e) {
            // no sysfs CPU entries: nothing more to mask
        }
        return paths;
    }

    private void mount(String type, String source, String target, long flags, String data) {
        put("mount", type + "\t" + source + "\t" + target + "\t" + flags + "\t" + data);
    }

    private void put(String key, String value) {
        if (key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in shim config " + key);
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.write(k, 0, k.length);
        out.write(0);
        out.write(v, 0, v.length);
        out.write(0);
    }
}
