package io.gantry.core.api;

import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.HostConfig;
import io.gantry.core.api.types.MountPoint;
import io.gantry.core.cgroup.Resources;
import io.gantry.core.container.ContainerMetadata;
import io.gantry.core.container.ContainerRequest;
import io.gantry.core.container.ContainerView;
import io.gantry.core.network.NetworkAttachment;
import io.gantry.core.network.PortBinding;
import io.gantry.core.runtime.ContainerRecord;
import io.gantry.core.runtime.ContainerState;
import io.gantry.core.runtime.RestartPolicy;
import io.gantry.core.snapshot.StorageDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Docker's container wire types to and from the engine's container model. */
final class ContainerTranslator {

    private static final String NEVER = "0001-01-01T00:00:00Z";

    private ContainerTranslator() {
    }

    static ContainerRequest request(@Nullable String name, ContainerCreateRequest body) {
        ContainerConfig config = body.config();
        if (config.image() == null || config.image().isBlank()) {
            throw new ApiException(400, "config cannot be empty in order to create a container");
        }
        HostConfig host = body.hostConfig();
        ContainerRequest.Builder request = ContainerRequest.builder(config.image())
                .name(name == null || name.isEmpty() ? null : name)
                .entrypoint(config.entrypoint()).cmd(config.cmd())
                .env(config.env() == null ? List.of() : config.env())
                .workingDir(config.workingDir()).user(config.user()).stopSignal(config.stopSignal())
                .tty(config.tty()).openStdin(config.openStdin()).hostname(config.hostname())
                .labels(config.labels() == null ? Map.of() : config.labels())
                .exposedPorts(config.exposedPorts() == null ? Set.of() : config.exposedPorts().keySet());
        List<String> volumes = new ArrayList<>();
        if (config.volumes() != null) {
            volumes.addAll(config.volumes().keySet());
        }
        if (host != null) {
            if (host.binds() != null) {
                volumes.addAll(host.binds());
            }
            request.ports(ports(host)).networkMode(host.networkMode() == null ? "default" : host.networkMode())
                    .restartPolicy(restartPolicy(host.restartPolicy()))
                    .resources(resources(host))
                    .autoRemove(host.autoRemove())
                    .privileged(host.privileged())
                    .capAdd(host.capAdd() == null ? List.of() : host.capAdd())
                    .capDrop(host.capDrop() == null ? List.of() : host.capDrop())
                    .securityOpt(host.securityOpt() == null ? List.of() : host.securityOpt())
                    .links(host.links() == null ? List.of() : host.links())
                    .volumesFrom(host.volumesFrom() == null ? List.of() : host.volumesFrom());
        }
        request.volumes(volumes).aliases(aliases(body, host));
        return request.build();
    }

    /** {@code "80/tcp": [{"HostIp": "", "HostPort": "8080"}]} becomes {@code :8080:80/tcp}, the {@code -p} form. */
    private static List<String> ports(HostConfig host) {
        List<String> ports = new ArrayList<>();
        if (host.portBindings() == null) {
            return ports;
        }
        host.portBindings().forEach((containerPort, bindings) -> {
            String port = containerPort.contains("/") ? containerPort : containerPort + "/tcp";
            checkPort(port.substring(0, port.indexOf('/')), false);
            for (HostConfig.PortBinding b : bindings == null ? List.<HostConfig.PortBinding>of() : bindings) {
                if (b.hostPort() != null) {
                    checkPort(b.hostPort(), true);
                }
                ports.add((b.hostIp() == null ? "" : b.hostIp()) + ":" + (b.hostPort() == null ? "" : b.hostPort()) + ":"
                        + port);
            }
        });
        return ports;
    }

    /** Docker's check and message for a port number; a host port may be empty (the engine picks one). */
    private static void checkPort(String port, boolean mayBeEmpty) {
        if (port.isEmpty() && mayBeEmpty) {
            return;
        }
        boolean valid = port.matches("[0-9]{1,5}") && Integer.parseInt(port) <= 65535
                && (mayBeEmpty || Integer.parseInt(port) > 0);
        if (!valid) {
            throw new ApiException(400, "invalid port specification: \"" + port + "\"");
        }
    }

    private static List<String> aliases(ContainerCreateRequest body, @Nullable HostConfig host) {
        if (body.networkingConfig() == null || body.networkingConfig().endpointsConfig() == null || host == null) {
            return List.of();
        }
        ContainerCreateRequest.EndpointSettings endpoint = body.networkingConfig().endpointsConfig().get(host.networkMode());
        return endpoint == null || endpoint.aliases() == null ? List.of() : endpoint.aliases();
    }

    private static RestartPolicy restartPolicy(HostConfig.@Nullable RestartPolicy policy) {
        if (policy == null || policy.name() == null || policy.name().isEmpty() || policy.name().equals("no")) {
            return RestartPolicy.no();
        }
        if (!Set.of("always", "unless-stopped", "on-failure").contains(policy.name())) {
            throw new ApiException(400, "invalid restart policy '" + policy.name() + "'");
        }
        String value = policy.name().equals("on-failure") && policy.maximumRetryCount() > 0
                ? "on-failure:" + policy.maximumRetryCount() : policy.name();
        try {
            return RestartPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid restart policy: " + e.getMessage());
        }
    }

    private static Resources resources(HostConfig host) {
        try {
            Resources defaults = Resources.defaults();
            return new Resources(host.memory(), host.memorySwap(), host.nanoCpus(), host.cpuShares(),
                    host.cpusetCpus() == null ? "" : host.cpusetCpus(),
                    host.pidsLimit() == null || host.pidsLimit() < 0 ? 0 : host.pidsLimit(), defaults.devices());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    /** What Docker's create would do that this engine cannot yet, so that nothing is silently dropped. */
    static List<String> unsupported(ContainerCreateRequest body) {
        List<String> problems = new ArrayList<>();
        HostConfig host = body.hostConfig();
        if (host != null) {
            if (host.publishAllPorts()) {
                problems.add("publishing all ports (-P)");
            }
            if (host.mounts() != null && !host.mounts().isEmpty()) {
                problems.add("--mount (use -v)");
            }
            String mode = host.networkMode();
            if (mode != null && (mode.startsWith("container:") || mode.startsWith("ns:"))) {
                problems.add("network mode " + mode);
            }
        }
        return problems;
    }

    static ContainerInspect inspect(ContainerView view) {
        ContainerMetadata m = view.metadata();
        ContainerRecord r = view.runtime();
        List<String> argv = m.process().argv();
        ContainerState state = r.state();
        boolean running = state == ContainerState.RUNNING || state == ContainerState.PAUSED;
        ContainerInspect.State wireState = new ContainerInspect.State(status(state), running,
                state == ContainerState.PAUSED, false, r.exit() != null && r.exit().oomKilled(), false,
                running ? r.initPid() : 0, r.exit() == null ? 0 : r.exit().exitCode(), r.error(),
                r.startedAt().isEmpty() ? NEVER : r.startedAt(),
                running || r.exit() == null ? NEVER : r.exit().finishedAt());
        ContainerRequest q = m.request();
        ContainerConfig config = new ContainerConfig(r.spec().hostname(), "", m.process().user(), false, false, false,
                ports(q.exposedPorts()), q.process().tty(), q.openStdin(), false, m.process().env(),
                q.process().cmd(), m.image(), Map.of(), m.process().workingDir(), q.process().entrypoint(),
                q.labels(), m.process().stopSignal(), null);
        HostConfig host = new HostConfig(q.volumes(), requestedBindings(m.ports()), false,
                new HostConfig.RestartPolicy(policyName(q.restartPolicy()), q.restartPolicy().maxRetries()),
                q.autoRemove(), q.networkMode(), view.links(), q.volumesFrom(), List.of(), q.resources().memoryBytes(),
                q.resources().memorySwapBytes(), q.resources().nanoCpus(), q.resources().cpuShares(),
                q.resources().cpusetCpus(), q.resources().pidsLimit(), q.privileged(), q.capAdd(), q.capDrop(),
                q.securityOpt(), false, List.of(), List.of(), List.of(), 0,
                new HostConfig.LogConfig("json-file", Map.of()));
        return new ContainerInspect(m.id(), m.created(), argv.get(0), argv.subList(1, argv.size()), wireState,
                m.imageId(), "/" + m.name(), r.restartCount(), StorageDriver.of(r.rootfs()).dockerName(), "linux", "", host, config,
                networkSettings(view), mounts(m));
    }

    static ContainerSummary summary(ContainerView view, Instant now) {
        ContainerMetadata m = view.metadata();
        ContainerRecord r = view.runtime();
        List<ContainerSummary.Port> ports = new ArrayList<>();
        for (PortBinding p : published(view)) {
            ports.add(new ContainerSummary.Port(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol().wire()));
        }
        return new ContainerSummary(m.id(), List.of("/" + m.name()), m.image(), m.imageId(),
                command(m.process().argv()), Instant.parse(m.created()).getEpochSecond(), ports,
                m.request().labels(), status(r.state()), humanStatus(r, now),
                Map.of("NetworkMode", m.request().networkMode()), Map.of("Networks", endpoints(view)), mounts(m), null,
                null);
    }

    /** {@code docker ps}'s COMMAND as Docker writes it: arguments with a space in single quotes. */
    static String command(List<String> argv) {
        StringBuilder command = new StringBuilder(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            command.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return command.toString();
    }

    private static ContainerInspect.NetworkSettings networkSettings(ContainerView view) {
        Map<String, ContainerCreateRequest.EndpointSettings> networks = endpoints(view);
        ContainerCreateRequest.EndpointSettings first = networks.values().stream().findFirst().orElse(null);
        return new ContainerInspect.NetworkSettings(portMap(view), networks,
                first == null ? "" : first.ipAddress(), first == null ? "" : first.gateway(),
                view.network().map(NetworkAttachment::netnsPath).orElse(""));
    }

    private static Map<String, ContainerCreateRequest.EndpointSettings> endpoints(ContainerView view) {
        Map<String, ContainerCreateRequest.EndpointSettings> networks = new LinkedHashMap<>();
        view.network().ifPresent(a -> a.endpoints().forEach(e -> networks.put(e.network(),
                new ContainerCreateRequest.EndpointSettings(e.aliases(), List.of(), e.network(), e.ifname(), e.gateway(),
                        e.ip(), e.prefix(), "", List.of()))));
        return networks;
    }

    /** The requested ports ({@code host_ip:host_port:container_port/proto}) as {@code HostConfig.PortBindings}. */
    private static Map<String, List<HostConfig.PortBinding>> requestedBindings(List<String> requested) {
        Map<String, List<HostConfig.PortBinding>> ports = new LinkedHashMap<>();
        for (String spec : requested) {
            PortBinding p = PortBinding.parse(spec);
            ports.computeIfAbsent(p.containerPort() + "/" + p.protocol().wire(), k -> new ArrayList<>())
                    .add(new HostConfig.PortBinding(p.anyAddress() ? "" : p.hostIp(),
                            p.hostPort() == 0 ? "" : Integer.toString(p.hostPort())));
        }
        return ports;
    }

    private static boolean running(ContainerView view) {
        ContainerState state = view.runtime().state();
        return state == ContainerState.RUNNING || state == ContainerState.PAUSED;
    }

    /** The ports published now: while the container runs, as bound (host ports chosen); none otherwise, as Docker. */
    private static List<PortBinding> published(ContainerView view) {
        return running(view) ? view.network().map(NetworkAttachment::ports).orElse(List.of()) : List.of();
    }

    /**
     * {@code NetworkSettings.Ports}, what {@code docker port} reads: for a running container each exposed port with its
     * bindings, or null when it is not published; empty for a stopped one.
     */
    private static Map<String, List<HostConfig.PortBinding>> portMap(ContainerView view) {
        Map<String, List<HostConfig.PortBinding>> ports = new LinkedHashMap<>();
        if (!running(view)) {
            return ports;
        }
        new TreeSet<>(view.metadata().request().exposedPorts()).forEach(p -> ports.put(p.contains("/") ? p : p + "/tcp", null));
        for (PortBinding p : published(view)) {
            List<HostConfig.PortBinding> bindings = ports.get(p.containerPort() + "/" + p.protocol().wire());
            if (bindings == null) {
                bindings = new ArrayList<>();
                ports.put(p.containerPort() + "/" + p.protocol().wire(), bindings);
            }
            bindings.add(new HostConfig.PortBinding(p.hostIp(), Integer.toString(p.hostPort())));
        }
        return ports;
    }

    private static List<MountPoint> mounts(ContainerMetadata m) {
        return m.mounts().stream().map(v -> new MountPoint(v.volume().isEmpty() ? "bind" : "volume",
                v.volume().isEmpty() ? null : v.volume(), v.source(), v.target(), v.volume().isEmpty() ? null : "local",
                v.readOnly() ? "ro" : "", !v.readOnly(), v.volume().isEmpty() ? "rprivate" : "")).toList();
    }

    static String status(ContainerState state) {
        return switch (state) {
            case CREATED -> "created";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case EXITED -> "exited";
            default -> "dead";
        };
    }

    /** {@code docker ps}'s STATUS column: "Up 5 minutes", "Exited (0) 3 seconds ago", "Created". */
    static String humanStatus(ContainerRecord r, Instant now) {
        return switch (r.state()) {
            case CREATED -> "Created";
            case RUNNING, PAUSED -> "Up " + human(Duration.between(Instant.parse(r.startedAt()), now))
                    + (r.state() == ContainerState.PAUSED ? " (Paused)" : "");
            case EXITED -> r.exit() == null ? "Exited" : "Exited (" + r.exit().exitCode() + ") "
                    + human(Duration.between(Instant.parse(r.exit().finishedAt()), now)) + " ago";
            default -> "Dead";
        };
    }

    /** Docker's go-units HumanDuration. */
    static String human(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        long days = hours / 24;
        if (days < 14) {
            return days + " days";
        }
        if (days < 60) {
            return days / 7 + " weeks";
        }
        return days < 730 ? days / 30 + " months" : days / 365 + " years";
    }

    private static String policyName(RestartPolicy policy) {
        return switch (policy.mode()) {
            case NO -> "no";
            case ON_FAILURE -> "on-failure";
            case ALWAYS -> "always";
            case UNLESS_STOPPED -> "unless-stopped";
        };
    }

    private static Map<String, Map<String, Object>> ports(Set<String> exposed) {
        Map<String, Map<String, Object>> ports = new LinkedHashMap<>();
        new TreeSet<>(exposed).forEach(p -> ports.put(p, Map.of()));
        return ports;
    }
}
