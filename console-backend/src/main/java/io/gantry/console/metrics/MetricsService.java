package io.gantry.console.metrics;

import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.console.app.ApplicationService;
import io.gantry.core.api.types.ContainerSummary;
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
    private final HostSampler sampler;
    private final ApplicationService applications;
    private final HostProbe host = HostProbe.ofThisHost();

    MetricsService(EngineClient engine, EngineEndpoint endpoint, HostSampler sampler, ApplicationService applications) {
        this.engine = engine;
        this.endpoint = endpoint;
        this.sampler = sampler;
        this.applications = applications;
    }

    /** The host's CPU, memory and disk over the last hour, oldest first, one sample every few seconds. */
    public List<HostSample> hostHistory() {
        return sampler.history();
    }

    /** How many applications the console manages, and what the engine holds. */
    public DashboardCounts counts() {
        List<ContainerSummary> containers = engine.listContainers(true);
        int running = (int) containers.stream().filter(c -> "running".equals(c.state())).count();
        return new DashboardCounts(applications.list().size(), running, containers.size() - running,
                engine.listImages().size(), engine.listVolumes().size(), engine.listNetworks().size());
    }

    /**
     * Follows a running container's CPU, memory, network and block I/O, one figure a second to {@code listener} (on
     * the stream's own thread) until closed or the container stops ({@code onEnd} then runs).
     */
    public MetricsFollow followContainer(String id, Consumer<ContainerMetrics> listener, Runnable onEnd) {
        EngineClient.EventSubscription stream = engine.followStats(id, new ContainerRates(listener), onEnd);
        return stream::close;
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
