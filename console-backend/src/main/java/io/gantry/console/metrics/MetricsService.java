package io.gantry.console.metrics;

import io.gantry.console.app.AppService;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.ServiceStatus;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.EngineEndpoint;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.host.HostInfo;
import io.gantry.core.host.HostProbe;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/** Figures for the dashboard and the application pages. */
@Service
public class MetricsService {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** How long the host's CPU use is measured over. */
    private static final long HOST_SAMPLE_MS = 250;

    private final EngineClient engine;
    private final EngineEndpoint endpoint;
    private final HostSampler sampler;
    private final ApplicationService applications;
    private final HostProbe host = HostProbe.ofThisHost();
    /** The engine takes about a second per stats reading: the services of an application are read side by side. */
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "metrics-reader");
        t.setDaemon(true);
        return t;
    });

    MetricsService(EngineClient engine, EngineEndpoint endpoint, HostSampler sampler, ApplicationService applications) {
        this.engine = engine;
        this.endpoint = endpoint;
        this.sampler = sampler;
        this.applications = applications;
    }

    /**
     * What each service of the application uses right now, from one stats reading of each running container (the
     * engine measures over about a second), with the sums.
     *
     * @throws io.gantry.console.app.ApplicationNotFoundException when there is no such application
     */
    public ApplicationMetrics application(long id) {
        Map<String, ServiceStatus> statuses = applications.status(id);
        List<CompletableFuture<ServiceMetrics>> readings = applications.services(id).stream()
                .map(s -> CompletableFuture.supplyAsync(() -> service(s, statuses.get(s.name())), readers)).toList();
        List<ServiceMetrics> services = new ArrayList<>();
        for (CompletableFuture<ServiceMetrics> reading : readings) {
            try {
                services.add(reading.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return ApplicationMetrics.of(id, services);
    }

    /** The host's CPU use (measured over a quarter of a second) and memory, all processes together. */
    public HostMetrics host() {
        CpuTimes before = CpuTimes.read(PROC_STAT);
        try {
            Thread.sleep(HOST_SAMPLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double cpu = CpuTimes.read(PROC_STAT).busyPercentSince(before);
        HostInfo local = host.read();
        return new HostMetrics(local.cpus(), cpu, local.memoryTotalBytes(),
                local.memoryTotalBytes() - local.memoryAvailableBytes());
    }

    @PreDestroy
    void stopReaders() {
        readers.shutdownNow();
    }

    private ServiceMetrics service(AppService s, ServiceStatus status) {
        String container = s.containerId();
        if (container == null || !(status instanceof ServiceStatus.Running)) {
            return new ServiceMetrics(s.name(), container, false, 0, 0, 0);
        }
        try {
            ContainerUsage usage = ContainerUsage.of(engine.stats(container));
            return new ServiceMetrics(s.name(), container, true, usage.cpuPercent(), usage.memoryBytes(),
                    usage.memoryLimit());
        } catch (EngineCallException e) {
            if (e.status() == 404 || e.status() == 409) {
                return new ServiceMetrics(s.name(), container, false, 0, 0, 0); // stopped or removed meanwhile
            }
            throw e;
        }
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
        ContainerRates rates = new ContainerRates(listener);
        EngineClient.EventSubscription stream = engine.followStats(id, rates, onEnd);
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
