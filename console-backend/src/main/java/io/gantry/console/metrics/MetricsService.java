package io.gantry.console.metrics;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.host.HostInfo;
import io.gantry.core.host.HostProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Figures for the dashboard. */
@Service
public class MetricsService {

    private final EngineClient engine;
    private final EngineEndpoint endpoint;
    private final HostProbe host = HostProbe.ofThisHost();

    MetricsService(EngineClient engine, EngineEndpoint endpoint) {
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /** The engine's facts and the host's current usage, read fresh on every call. */
    public HostFacts hostFacts() {
        SystemInfo info = engine.info();
        HostInfo local = host.read();
        String cgroupMode = "2".equals(info.cgroupVersion()) ? "v2"
                : local.cgroupMode() == HostInfo.CgroupMode.HYBRID ? "hybrid" : "v1";
        return new HostFacts(endpoint.url(), info.serverVersion(), info.name(), info.kernelVersion(),
                info.operatingSystem(), info.ncpu(), info.memTotal(), local.memoryTotalBytes() - local.memoryAvailableBytes(),
                dataSpaceAvailable(info), cgroupMode, info.driver(), local.overlayfs(), local.userNamespaces(),
                info.dockerRootDir(), info.registryConfig() == null ? List.of() : info.registryConfig().mirrors());
    }

    /** The engine's own description of itself, read fresh. */
    public EngineSettings engineSettings() {
        SystemInfo info = engine.info();
        SystemInfo.RegistryConfig registries = info.registryConfig();
        List<String> insecure = new java.util.ArrayList<>();
        if (registries != null) {
            if (registries.indexConfigs() != null) {
                registries.indexConfigs().values().stream().filter(i -> !i.secure()).map(SystemInfo.IndexInfo::name)
                        .sorted().forEach(insecure::add);
            }
            if (registries.insecureRegistryCidrs() != null) {
                insecure.addAll(registries.insecureRegistryCidrs());
            }
        }
        return new EngineSettings(endpoint.url(), endpoint.embedded(), info.name(), info.serverVersion(),
                engine.apiVersion(), info.kernelVersion(), info.operatingSystem(), info.architecture(),
                info.cgroupVersion() == null ? "" : info.cgroupVersion(), info.cgroupDriver() == null ? ""
                : info.cgroupDriver(), info.driver(), info.dockerRootDir(),
                registries == null || registries.mirrors() == null ? List.of() : registries.mirrors(), insecure);
    }

    /**
     * Follows a container's CPU and memory use, about once a second, on a thread of the stream's own, until the
     * handle is closed or the container stops ({@code onEnd} then runs, once).
     */
    public EngineClient.EventSubscription followUsage(String containerId, Consumer<ContainerUsage> listener,
                                                      Runnable onEnd) {
        return engine.followStats(containerId, item -> listener.accept(ContainerUsage.of(item)), onEnd);
    }

    /** Gantry's engine reports it in {@code DriverStatus}, as Docker's devicemapper did; for others, ask the disk. */
    private static long dataSpaceAvailable(SystemInfo info) {
        if (info.driverStatus() != null) {
            for (List<String> pair : info.driverStatus()) {
                if (pair.size() == 2 && pair.get(0).equals("Data Space Available") && pair.get(1).matches("[0-9]+")) {
                    return Long.parseLong(pair.get(1));
                }
            }
        }
        Path root = Path.of(info.dockerRootDir());
        while (root != null && !root.toFile().exists()) {
            root = root.getParent();
        }
        return root == null ? 0 : root.toFile().getUsableSpace();
    }
}
