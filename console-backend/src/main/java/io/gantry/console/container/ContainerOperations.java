package io.gantry.console.container;

import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.LogLine;
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

    /** The group of containers that belong to no application (today: all of them). */
    public static final String STANDALONE = "Standalone";

    private final EngineClient engine;
    private final ImageOperations images;

    ContainerOperations(EngineClient engine, ImageOperations images) {
        this.engine = engine;
        this.images = images;
    }

    /**
     * Every container, running or not, whose name, image, id or state contains {@code filter} (case-insensitive;
     * blank for all), grouped by application with the standalone ones last, newest first within a group.
     */
    public List<ContainerGroup> list(String filter) {
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        Map<String, List<ContainerRow>> groups = new TreeMap<>(Comparator
                .comparing((String g) -> g.equals(STANDALONE)).thenComparing(Comparator.naturalOrder()));
        engine.listContainers(true).stream().map(ContainerOperations::row)
                .filter(r -> needle.isEmpty() || matches(r, needle))
                .sorted(Comparator.comparing(ContainerRow::created).reversed().thenComparing(ContainerRow::name))
                .forEach(r -> groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> new ContainerGroup(e.getKey(), e.getValue())).toList();
    }

    private static boolean matches(ContainerRow row, String needle) {
        return row.name().toLowerCase(Locale.ROOT).contains(needle) || row.image().toLowerCase(Locale.ROOT).contains(needle)
                || row.id().startsWith(needle) || row.state().name().toLowerCase(Locale.ROOT).contains(needle);
    }

    static ContainerRow row(ContainerSummary c) {
        String name = c.names() == null || c.names().isEmpty() ? c.id() : c.names().get(0).replaceFirst("^/", "");
        return new ContainerRow(c.id(), name, c.image(), ContainerState.parse(c.state()), c.status(),
                Instant.ofEpochSecond(c.created()), STANDALONE);
    }

    /** Creates the container, pulling its image first if the engine does not have it, and starts it; returns its id. */
    public String run(NewContainer request) {
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
        ContainerConfig config = new ContainerConfig(null, null, null, false, true, true, null, false, false, false,
                r.environment().isEmpty() ? null : r.environment(), command.isEmpty() ? null : command, r.image().strip(),
                null, null, null, null, null, null);
        HostConfig host = new HostConfig(null, null, false, new HostConfig.RestartPolicy(r.restartPolicy(), 0), false,
                null, null, null, null, r.memoryMib() << 20, 0, Math.round(r.cpus() * 1e9), 0, null, null, false, null,
                null, null, false, null, null, null, 0, null);
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
                switch (action) {
                    case START -> start(c.id());
                    case STOP -> stop(c.id());
                    case RESTART -> restart(c.id());
                    case KILL -> kill(c.id());
                    case REMOVE -> remove(c.id());
                }
                done.add(c.name());
            } catch (EngineCallException e) {
                failed.put(c.name(), e.getMessage());
            }
        }
        return new BulkResult(action, done, failed);
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
                host != null && host.privileged(), config.tty());
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
