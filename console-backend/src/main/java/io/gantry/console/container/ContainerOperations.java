package io.gantry.console.container;

import io.gantry.console.activity.ActivityService;
import io.gantry.console.app.ApplicationService;
import io.gantry.console.app.ContainerSettings;
import io.gantry.console.app.ServicePort;
import io.gantry.console.app.VolumeBinding;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.LogLine;
import io.gantry.console.image.ImageName;
import io.gantry.console.image.ImageOperations;
import io.gantry.console.template.Parameter;
import io.gantry.console.template.Shell;
import io.gantry.core.api.types.ContainerConfig;
import io.gantry.core.api.types.ContainerCreateRequest;
import io.gantry.core.api.types.ContainerInspect;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.HostConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The containers page's one service: every container of the engine, whoever created it. */
@Service
public class ContainerOperations {

    /** The group of containers that belong to no application (made with the docker CLI, or the form). */
    public static final String STANDALONE = "Standalone";

    private final EngineClient engine;
    private final ImageOperations images;
    private final ApplicationService applications;
    private final ActivityService activity;

    ContainerOperations(EngineClient engine, ImageOperations images, ApplicationService applications,
            ActivityService activity) {
        this.engine = engine;
        this.images = images;
        this.applications = applications;
        this.activity = activity;
    }

    /**
     * Every container, running or not, whose name, image, id or state contains {@code filter} (case-insensitive;
     * blank for all), grouped by application with the standalone ones last, newest first within a group.
     */
    public List<ContainerGroup> list(String filter) {
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        Map<String, List<ContainerRow>> groups = new TreeMap<>(Comparator
                .comparing((String g) -> g.equals(STANDALONE)).thenComparing(Comparator.naturalOrder()));
        Map<String, String> appNames = new HashMap<>();
        applications.list().forEach(a -> appNames.put(Long.toString(a.id()), a.name()));
        engine.listContainers(true).stream().map(c -> row(c, appNames))
                .filter(r -> needle.isEmpty() || matches(r, needle))
                .sorted(Comparator.comparing(ContainerRow::created).reversed().thenComparing(ContainerRow::name))
                .forEach(r -> groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> new ContainerGroup(e.getKey(), e.getValue())).toList();
    }

    private static boolean matches(ContainerRow row, String needle) {
        return row.name().toLowerCase(Locale.ROOT).contains(needle) || row.image().toLowerCase(Locale.ROOT).contains(needle)
                || row.id().startsWith(needle) || row.state().name().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** A container deployed by an application carries its id as a label; one whose application is gone is standalone. */
    static ContainerRow row(ContainerSummary c, Map<String, String> appNames) {
        String name = c.names() == null || c.names().isEmpty() ? c.id() : c.names().get(0).replaceFirst("^/", "");
        String app = c.labels() == null ? null : c.labels().get(ContainerSettings.APP_LABEL);
        return new ContainerRow(c.id(), name, c.image(), ContainerState.parse(c.state()), c.status(),
                Instant.ofEpochSecond(c.created()), app == null ? STANDALONE : appNames.getOrDefault(app, STANDALONE));
    }

    /** Creates the container, pulling its image first if the engine does not have it, and starts it; returns its id. */
    public String run(NewContainer request) {
        return activity.recordAction("container.create", request.name() == null ? request.image() : request.name(),
                "image " + request.image(), () -> create(request));
    }

    private String create(NewContainer request) {
        ContainerCreateRequest body = createRequest(request);
        String id;
        try {
            id = engine.createContainer(request.name(), body).id();
        } catch (EngineCallException e) {
            if (!e.isNotFound() || !e.getMessage().contains("No such image")) {
                throw e;
            }
            images.pull(request.image(), progress -> { });
            id = engine.createContainer(request.name(), body).id();
        }
        engine.startContainer(id);
        return id;
    }

    static ContainerCreateRequest createRequest(NewContainer r) {
        List<String> command = r.command().isBlank() ? List.of() : Shell.split(r.command(), "command");
        Map<String, Map<String, Object>> exposed = new LinkedHashMap<>();
        Map<String, List<HostConfig.PortBinding>> published = new LinkedHashMap<>();
        for (ServicePort p : r.ports()) {
            exposed.put(p.dockerKey(), Map.of());
            published.computeIfAbsent(p.dockerKey(), k -> new ArrayList<>()).add(new HostConfig.PortBinding(
                    p.hostIp() == null ? "" : p.hostIp(), p.hostPort() == null ? "" : p.hostPort().toString()));
        }
        List<String> binds = r.volumes().stream().map(VolumeBinding::bind).toList();
        ContainerConfig config = new ContainerConfig(null, null, null, r.terminal(), true, true,
                exposed.isEmpty() ? null : exposed, r.terminal(), r.terminal(), false,
                r.environment().isEmpty() ? null : r.environment(), command.isEmpty() ? null : command, r.image().strip(),
                null, null, null, null, null, null);
        HostConfig host = new HostConfig(binds.isEmpty() ? null : binds, published.isEmpty() ? null : published, false,
                new HostConfig.RestartPolicy(r.restartPolicy(), 0), false, null, null, null, null, r.memoryMib() << 20,
                0, Math.round(r.cpus() * 1e9), 0, null, null, false, null, null, null, false, null, null, null, 0, null);
        return new ContainerCreateRequest(config, host, null);
    }

    public void start(String id) {
        engine.startContainer(id);
    }

    public void stop(String id) {
        engine.stopContainer(id, null);
    }

    public void restart(String id) {
        engine.restartContainer(id);
    }

    public void kill(String id) {
        engine.killContainer(id, "SIGKILL");
    }

    /** Removes the container, killing it first if it runs (the page has asked for confirmation). */
    public void remove(String id) {
        engine.removeContainer(id, true);
    }

    /** Does {@code action} to each container in turn; a failure is recorded with the engine's reason, not thrown. */
    public BulkResult apply(BulkAction action, List<ContainerRow> containers) {
        List<String> done = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (ContainerRow c : containers) {
            try {
                activity.recordAction("container." + action.name().toLowerCase(Locale.ROOT), c.name(), "", () -> {
                    switch (action) {
                        case START -> start(c.id());
                        case STOP -> stop(c.id());
                        case RESTART -> restart(c.id());
                        case KILL -> kill(c.id());
                        case REMOVE -> remove(c.id());
                    }
                });
                done.add(c.name());
            } catch (EngineCallException e) {
                failed.put(c.name(), e.getMessage());
            }
        }
        return new BulkResult(action, done, failed);
    }

    /**
     * Saves the container's changes to its files as the image {@code reference} ({@code repo[:tag]}, no tag meaning
     * {@code latest}); returns the new image's id.
     */
    public String commit(String id, String containerName, String reference, String comment) {
        ImageName name = ImageName.parse(reference);
        return activity.recordAction("container.commit", containerName, "as " + name, () -> engine.commitContainer(id,
                name.repository(), name.tag(), comment, activity.currentActor().name()));
    }

    public ContainerDetails details(String id) {
        return details(engine.inspectContainer(id));
    }

    static ContainerDetails details(ContainerInspect c) {
        ContainerConfig config = c.config();
        HostConfig host = c.hostConfig();
        List<String> argv = new ArrayList<>();
        argv.add(c.path());
        argv.addAll(c.args() == null ? List.of() : c.args());
        ContainerInspect.State s = c.state();
        boolean exited = time(s.finishedAt()) != null;
        HostConfig.RestartPolicy policy = host == null ? null : host.restartPolicy();
        String restart = policy == null || policy.name() == null || policy.name().isEmpty() ? "no"
                : policy.name() + (policy.maximumRetryCount() > 0 ? ":" + policy.maximumRetryCount() : "");
        return new ContainerDetails(c.id(), c.name().replaceFirst("^/", ""), config.image() == null ? c.image() : config.image(),
                ContainerState.parse(s.status()), time(c.created()) == null ? Instant.EPOCH : time(c.created()),
                time(s.startedAt()), time(s.finishedAt()), Shell.join(argv), blankToNull(config.workingDir()),
                blankToNull(config.user()), environment(config.env()), config.labels() == null ? Map.of() : config.labels(),
                restart, c.restartCount(), exited ? Integer.valueOf(s.exitCode()) : null, s.oomKilled(),
                blankToNull(s.error()), host == null ? 0 : host.memory(), host == null ? 0 : host.nanoCpus() / 1e9,
                host != null && host.privileged(), config.tty(), config.openStdin(), ports(c), mounts(c),
                c.networkSettings() == null || c.networkSettings().networks() == null ? List.of()
                        : List.copyOf(new java.util.TreeSet<>(c.networkSettings().networks().keySet())));
    }

    private static List<ContainerDetails.PublishedPort> ports(ContainerInspect c) {
        List<ContainerDetails.PublishedPort> ports = new ArrayList<>();
        if (c.networkSettings() != null && c.networkSettings().ports() != null) {
            new TreeMap<>(c.networkSettings().ports()).forEach((containerPort, bindings) -> {
                for (HostConfig.PortBinding b : bindings == null ? List.<HostConfig.PortBinding>of() : bindings) {
                    if (b.hostPort() != null && b.hostPort().matches("[0-9]+")) {
                        ports.add(new ContainerDetails.PublishedPort(b.hostIp() == null ? "" : b.hostIp(),
                                Integer.parseInt(b.hostPort()), containerPort));
                    }
                }
            });
        }
        return ports;
    }

    private static List<ContainerDetails.ContainerMount> mounts(ContainerInspect c) {
        return c.mounts() == null ? List.of() : c.mounts().stream().map(m -> new ContainerDetails.ContainerMount(m.type(),
                "volume".equals(m.type()) && m.name() != null ? m.name() : m.source(), m.destination(), !m.rw())).toList();
    }

    static List<EnvironmentVariable> environment(@Nullable List<String> env) {
        if (env == null) {
            return List.of();
        }
        return env.stream().map(e -> {
            int eq = e.indexOf('=');
            String name = eq < 0 ? e : e.substring(0, eq);
            return new EnvironmentVariable(name, eq < 0 ? "" : e.substring(eq + 1), Parameter.looksSecret(name));
        }).collect(Collectors.toList());
    }

    /** Docker writes "never" as the zero time {@code 0001-01-01T00:00:00Z}. */
    private static @Nullable Instant time(@Nullable String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The last {@code tail} lines of the container's log (all when negative). */
    public List<LogLine> logs(String id, int tail) {
        return engine.logs(id, tail);
    }

    /** Follows the log from its last {@code tail} lines; {@code onEnd} runs when the container's log ends. */
    public LogFollow follow(String id, int tail, Consumer<LogLine> listener, Runnable onEnd) {
        EngineClient.EventSubscription subscription = engine.followLogs(id, tail, listener, onEnd);
        return subscription::close;
    }

    /** The whole log as text, for a download; with times as {@code docker logs -t} prints them. */
    public String logText(String id, boolean timestamps) {
        StringBuilder text = new StringBuilder();
        for (LogLine line : engine.logs(id, -1)) {
            text.append(timestamps ? line.time() + " " : "").append(line.text()).append('\n');
        }
        return text.toString();
    }
}
