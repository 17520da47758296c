package io.gantry.core.api;

import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.api.types.SystemVersion;
import io.gantry.core.host.HostInfo;
import io.gantry.core.host.HostProbe;
import io.gantry.core.registry.RegistrySettings;
import io.gantry.core.snapshot.StorageDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /_ping}, {@code /version} and {@code /info}. */
final class SystemHandler {

    /** What {@code /info} counts; supplied by the engine from its stores. */
    record Counts(int containersRunning, int containersPaused, int containersStopped, int images) {
    }

    static final String ENGINE_VERSION = "0.1.0";

    private final EngineApi.Settings settings;
    private final HostProbe host;
    private final Supplier<Counts> counts;

    SystemHandler(EngineApi.Settings settings, HostProbe host, Supplier<Counts> counts) {
        this.settings = settings;
        this.host = host;
        this.counts = counts;
    }

    void register(Router router) {
        router.add("GET", "/_ping", (rq, rs, p) -> ping(rs, true))
                .add("HEAD", "/_ping", (rq, rs, p) -> ping(rs, false))
                .add("GET", "/version", (rq, rs, p) -> rs.json(200, version()))
                .add("GET", "/info", (rq, rs, p) -> rs.json(200, info()));
    }

    /** The CLI sends HEAD first and reads the version and OS from the headers. */
    private static void ping(HttpResponse response, boolean withBody) throws IOException {
        response.header("Builder-Version", "1")
                .header("Swarm", "inactive")
                .header("Cache-Control", "no-cache, no-store, must-revalidate")
                .header("Pragma", "no-cache");
        response.send(200, "text/plain; charset=utf-8", withBody ? "OK".getBytes(StandardCharsets.UTF_8) : new byte[0]);
    }

    SystemVersion version() {
        HostInfo info = host.read();
        String arch = goArch(info.architecture());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ApiVersion", ApiVersion.CURRENT.toString());
        details.put("MinAPIVersion", ApiVersion.MINIMUM.toString());
        details.put("Os", "linux");
        details.put("Arch", arch);
        details.put("KernelVersion", info.kernel());
        details.put("GoVersion", "java" + Runtime.version().feature());
        details.put("Experimental", "false");
        details.put("GitCommit", "");
        details.put("BuildTime", "");
        return new SystemVersion(Map.of("Name", "Gantry Engine"),
                List.of(new SystemVersion.Component("Engine", ENGINE_VERSION, details)),
                ENGINE_VERSION, ApiVersion.CURRENT.toString(), ApiVersion.MINIMUM.toString(), "", "java" + Runtime.version().feature(),
                "linux", arch, info.kernel(), "");
    }

    SystemInfo info() {
        HostInfo info = host.read();
        Counts c = counts.get();
        int containers = c.containersRunning() + c.containersPaused() + c.containersStopped();
        StorageDriver driver = settings.storageDriver();
        List<List<String>> driverStatus = driver == StorageDriver.VFS ? List.of() : List.of(
                List.of("Backing Filesystem", "extfs"),
                List.of("Supports d_type", "true"),
                List.of("Native Overlay Diff", "true"),
                List.of("Data Space Available", Long.toString(settings.dataRoot().toFile().getUsableSpace())));
        return new SystemInfo(settings.engineId(), info.hostname(), ENGINE_VERSION, containers, c.containersRunning(),
                c.containersPaused(), c.containersStopped(), c.images(), driver.dockerName(), driverStatus,
                Map.of("Volume", List.of("local"), "Network", List.of("bridge", "host", "none"), "Log", List.of("json-file")),
                true, swapLimit(info), true, true, true, true, true, false,
                ipForwarding(), false, openFds(), Thread.activeCount(), Instant.now().toString(), "json-file", "cgroupfs", info.cgroupMode().dockerVersion(), 0,
                info.kernel(), info.operatingSystem(), "", "linux", info.architecture(),
                settings.registries().indexUrl().resolve("/v1/").toString(),
                registryConfig(), info.cpus(), info.memoryTotalBytes(), settings.dataRoot().toString(), List.of(), false,
                Map.of("gantry", Map.of("path", "gantry-shim")), "gantry", Map.of("LocalNodeState", "inactive"), true, "",
                "", List.of("name=seccomp,profile=builtin", "name=no-new-privileges-on-request", "name=cgroupns"),
                warnings(info));
    }

    private SystemInfo.RegistryConfig registryConfig() {
        Map<String, SystemInfo.IndexInfo> indexes = new LinkedHashMap<>();
        indexes.put("docker.io", new SystemInfo.IndexInfo("docker.io", settings.registryMirrors(), true, true));
        for (String insecure : settings.registries().insecure()) {
            indexes.put(insecure, new SystemInfo.IndexInfo(insecure, List.of(), false, false));
        }
        return new SystemInfo.RegistryConfig(List.of("127.0.0.0/8"), indexes, settings.registryMirrors());
    }

    private List<String> warnings(HostInfo info) {
        List<String> warnings = new ArrayList<>();
        if (settings.storageDriver() == StorageDriver.VFS) {
            warnings.add(info.overlayfs() ? "WARNING: the vfs storage driver was chosen; containers use copied root filesystems"
                    : "WARNING: overlayfs is not available; containers use copied root filesystems");
        }
        if (settings.registries().configuredOnly()) {
            warnings.add("WARNING: only configured registries may be contacted: " + settings.registries().configured());
        }
        return warnings;
    }

    private static boolean swapLimit(HostInfo info) {
        return info.cgroupMode() == HostInfo.CgroupMode.V2
                || Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes"));
    }

    private static boolean ipForwarding() {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).trim().equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    private static int openFds() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Go's architecture names, which Docker reports in {@code /version}. */
    private static String goArch(String architecture) {
        return switch (architecture) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> architecture;
        };
    }
}
