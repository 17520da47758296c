package io.gantry.core.container;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.events.EventLog;
import io.gantry.core.network.AttachRequest;
import io.gantry.core.network.LinkRequest;
import io.gantry.core.network.Network;
import io.gantry.core.network.NetworkAttachment;
import io.gantry.core.network.NetworkMode;
import io.gantry.core.network.NetworkService;
import io.gantry.core.network.PortBinding;
import io.gantry.core.runtime.AttachHandle;
import io.gantry.core.runtime.Capability;
import io.gantry.core.runtime.ContainerRecord;
import io.gantry.core.runtime.ContainerRuntime;
import io.gantry.core.runtime.ContainerSpec;
import io.gantry.core.runtime.ContainerStats;
import io.gantry.core.runtime.ContainerState;
import io.gantry.core.runtime.ExecHandle;
import io.gantry.core.runtime.ExecSpec;
import io.gantry.core.runtime.ExitStatus;
import io.gantry.core.runtime.LogEntry;
import io.gantry.core.runtime.LogQuery;
import io.gantry.core.runtime.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import io.gantry.core.volume.MountSpec;
import io.gantry.core.volume.VolumeMount;
import io.gantry.core.volume.VolumeStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers as Docker users know them, on top of the runtime: names, images merged with requests, users from the
 * image, events. Containers are found by name, full ID or unique ID prefix, as the docker CLI allows.
 */
public final class ContainerService {

    private static final Logger log = LoggerFactory.getLogger(ContainerService.class);
    private static final String METADATA = "container.json";

    private final ContainerRuntime runtime;
    private final ImageSource images;
    private final EventLog events;
    private final Path containersDir;
    /** Every container's metadata by ID; guarded by itself, so names stay unique under concurrent creates. */
    private final Map<String, ContainerMetadata> byId = new HashMap<>();
    private final ExecSessions execs = new ExecSessions();
    private final Removals removals = new Removals();

    private final Optional<NetworkService> network;
    private final Optional<VolumeStore> volumes;
    private final PublishedPorts publishedPorts;
    /** Networking puts bridges and tables on the host, so it starts with the first container that needs it. */
    private final java.util.concurrent.atomic.AtomicBoolean networkStarted = new java.util.concurrent.atomic.AtomicBoolean();

    /** Without networking or volumes: containers get only a loopback interface and no mounts (tests of the core). */
    public ContainerService(ContainerRuntime runtime, ImageSource images, EventLog events, Path containersDir) {
        this(runtime, images, events, containersDir, Optional.empty(), Optional.empty());
    }

    public ContainerService(ContainerRuntime runtime, ImageSource images, EventLog events, Path containersDir,
            Optional<NetworkService> network, Optional<VolumeStore> volumes) {
        this.runtime = runtime;
        this.images = images;
        this.events = events;
        this.containersDir = containersDir;
        this.network = network;
        this.volumes = volumes;
        this.publishedPorts = new PublishedPorts(runtime);
        load();
        runtime.onStart(id -> publish("start", id));
        runtime.onExit((id, exit) -> publish("die", id, Map.of("exitCode", Integer.toString(exit.exitCode()))));
    }

    /** Reads what earlier engines recorded; a runtime container without metadata was half-created and is removed. */
    private void load() {
        for (String id : runtime.list()) {
            Path file = containersDir.resolve(id).resolve(METADATA);
            if (Files.exists(file)) {
                ContainerMetadata metadata = StateStore.read(file, ContainerMetadata.class);
                byId.put(id, metadata);
            } else {
                log.warn("removing container {}: created without metadata (engine stopped mid-create)", id);
                runtime.delete(id, true);
            }
        }
    }

    /**
     * Creates a container: image defaults merged in, user resolved, network attached (address, hosts, links; ports
     * are published at start), volumes resolved. Everything is checked before anything is made, and whatever was made
     * is undone when a later step fails, so a failed create leaves nothing behind.
     */
    public String create(ContainerRequest request) {
        ImageSource.LocalImage image = images.find(request.image())
                .orElseThrow(() -> new NotFoundException("No such image: " + withDefaultTag(request.image())));
        ProcessDefaults.Process process = ProcessDefaults.merge(image.config(), request.process());
        ImageAccounts.User user = ImageAccounts.resolve(process.user(), image.layerDirsTopFirst());
        List<MountSpec> mountSpecs = request.volumes().stream().map(MountSpec::parse).toList();
        List<PortBinding> ports = request.ports().stream().map(PortBinding::parse).toList();
        String id = ContainerRuntime.newId();
        String hostname = request.hostname() == null || request.hostname().isEmpty() ? id.substring(0, 12) : request.hostname();
        synchronized (byId) {
            String name = request.name() == null ? uniqueGeneratedName() : ContainerNames.check(request.name());
            checkNameFree(name);
            Optional<NetworkAttachment> attachment = Optional.empty();
            List<VolumeMount> mounts = List.of();
            try {
                List<LinkRequest> links = LegacyLinks.resolve(request.links(), this::byName, images);
                List<VolumeMount> sharedMounts = VolumesFrom.resolve(request.volumesFrom(), this::byName);
                attachment = attach(id, name, hostname, request, ports, links);
                mounts = mounts(id, mountSpecs, image, sharedMounts);
                List<String> env = new ArrayList<>(attachment.map(NetworkAttachment::linkEnv).orElse(List.of()));
                env.addAll(process.env());
                env.add("HOSTNAME=" + hostname);
                ContainerSpec.Builder spec = spec(request, image, process, user, hostname, env);
                attachment.ifPresent(a -> spec.netnsPath(a.netnsPath())
                        .bind(a.hostsFile(), "/etc/hosts", true).bind(a.resolvConf(), "/etc/resolv.conf", true));
                mounts.forEach(m -> spec.bind(m.source(), m.target(), m.readOnly()));
                runtime.create(id, spec.build());
            } catch (RuntimeException e) {
                undo(id, attachment.isPresent());
                throw e;
            }
            ContainerMetadata metadata = new ContainerMetadata(id, name, request.image(), image.id(),
                    Instant.now().toString(), request, process, mounts,
                    ports.stream().map(PortBinding::toString).toList());
            StateStore.write(containersDir.resolve(id).resolve(METADATA), metadata);
            byId.put(id, metadata);
        }
        publish("create", id);
        return id;
    }

    /** A reference as Docker names it in "No such image": with {@code :latest} when it has neither tag nor digest. */
    private static String withDefaultTag(String reference) {
        String lastPart = reference.substring(reference.lastIndexOf('/') + 1);
        return lastPart.contains(":") || reference.contains("@") ? reference : reference + ":latest";
    }

    /** The container a link or volumes-from names (name, ID or unique ID prefix), if any. */
    private Optional<ContainerMetadata> byName(String reference) {
        synchronized (byId) {
            try {
                return Optional.ofNullable(byId.get(resolve(reference)));
            } catch (NotFoundException | InvalidArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private Optional<NetworkAttachment> attach(String id, String name, String hostname, ContainerRequest request,
            List<PortBinding> ports, List<LinkRequest> links) {
        NetworkMode mode = switch (request.networkMode()) {
            case "none" -> NetworkMode.NONE;
            case "host" -> NetworkMode.HOST;
            default -> NetworkMode.BRIDGE;
        };
        String networkName = Set.of("default", "bridge").contains(request.networkMode()) ? Network.DEFAULT_NAME
                : mode == NetworkMode.BRIDGE ? request.networkMode() : "";
        if (network.isEmpty()) {
            if (!ports.isEmpty() || !links.isEmpty() || mode == NetworkMode.HOST) {
                throw new InvalidArgumentException(
                        "this engine runs without networking: no published ports, links or host network");
            }
            return Optional.empty();
        }
        return Optional.of(startedNetwork().attach(new AttachRequest(id, name, hostname, mode, networkName,
                request.aliases(), ports, links)));
    }

    /**
     * Makes the host match the network state (bridges, the instance's table, published ports); at engine start when
     * an earlier engine networked containers, else before the first container is networked.
     */
    public void startNetworking() {
        startedNetwork();
    }

    private NetworkService startedNetwork() {
        NetworkService n = network.orElseThrow();
        synchronized (networkStarted) {
            if (!networkStarted.get()) {
                n.start();
                networkStarted.set(true);
                publishedPorts.reconcile(n, runtime.list());
            }
        }
        return n;
    }

    /** Networks, started if they were not yet; empty for an engine without networking. */
    public Optional<NetworkService> networking() {
        return network.isPresent() ? Optional.of(startedNetwork()) : Optional.empty();
    }

    public Optional<VolumeStore> volumes() {
        return volumes;
    }

    /** Removes every bridge, table and handle networking put on the host: for uninstalling, and for tests. */
    public void removeNetworking() {
        if (networkStarted.get()) {
            network.ifPresent(NetworkService::destroyAll);
        }
    }

    private List<VolumeMount> mounts(String id, List<MountSpec> specs, ImageSource.LocalImage image,
            List<VolumeMount> sharedMounts) {
        List<String> imageVolumes = image.config() == null ? List.of() : List.copyOf(image.config().volumes().keySet());
        if (volumes.isEmpty()) {
            if (!specs.isEmpty() || !sharedMounts.isEmpty()) {
                throw new InvalidArgumentException("this engine runs without volumes");
            }
            return List.of();
        }
        return volumes.get().mountsFor(id, specs, imageVolumes, sharedMounts, target -> {
            try {
                return ImageFiles.directory(image.layerDirsTopFirst(), target.startsWith("/") ? target.substring(1) : target);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("read " + target + " of image " + image.id(), e);
            }
        });
    }

    /** Takes back what a create made before it failed, or what a removed container held. */
    private void undo(String id, boolean networked) {
        if (networked) {
            network.ifPresent(n -> n.detach(id));
        }
        volumes.ifPresent(v -> v.release(id, true));
    }

    private static ContainerSpec.Builder spec(ContainerRequest request, ImageSource.LocalImage image,
            ProcessDefaults.Process process, ImageAccounts.User user, String hostname, List<String> env) {
        ContainerSpec.Builder spec = ContainerSpec.builder(image.layers())
                .command(process.argv()).env(env).workingDir(process.workingDir())
                .user(user.uid(), user.gid()).groups(user.groups()).hostname(hostname)
                .privileged(request.privileged()).resources(request.resources())
                .stopSignal(Signals.parse(process.stopSignal())).restartPolicy(request.restartPolicy())
                .tty(request.process().tty()).openStdin(request.openStdin());
        for (String cap : request.capDrop()) {
            if (cap.equalsIgnoreCase("ALL")) {
                spec.capDropAll();
            } else {
                spec.capDrop(capability(cap));
            }
        }
        for (String cap : request.capAdd()) {
            if (cap.equalsIgnoreCase("ALL")) {
                spec.capAdd(Capability.values());
            } else {
                spec.capAdd(capability(cap));
            }
        }
        for (String option : request.securityOpt()) {
            switch (option.replace(':', '=')) {
                case "no-new-privileges", "no-new-privileges=true" -> spec.noNewPrivileges(true);
                case "no-new-privileges=false" -> spec.noNewPrivileges(false);
                case "seccomp=unconfined" -> spec.seccomp(false);
                default -> throw new InvalidArgumentException("unsupported security option: " + option);
            }
        }
        if (request.privileged()) {
            spec.seccomp(false);
        }
        return spec;
    }

    private static Capability capability(String name) {
        try {
            return Capability.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("unknown capability: \"" + name + "\"");
        }
    }

    private String uniqueGeneratedName() {
        for (int i = 0; i < 100; i++) {
            String name = ContainerNames.generate();
            if (byId.values().stream().noneMatch(m -> m.name().equals(name))) {
                return name;
            }
        }
        throw new ConflictException("could not generate a free container name");
    }

    private void checkNameFree(String name) {
        byId.values().stream().filter(m -> m.name().equals(name)).findFirst().ifPresent(m -> {
            throw new ConflictException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                    + m.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
        });
    }

    /** The ID of the container a user named by name, full ID or unique ID prefix. */
    public String resolve(String reference) {
        String ref = reference.startsWith("/") ? reference.substring(1) : reference;
        synchronized (byId) {
            if (byId.containsKey(ref)) {
                return ref;
            }
            for (ContainerMetadata m : byId.values()) {
                if (m.name().equals(ref)) {
                    return m.id();
                }
            }
            List<String> prefixed = ref.matches("[0-9a-f]{1,63}")
                    ? byId.keySet().stream().filter(id -> id.startsWith(ref)).toList() : List.of();
            if (prefixed.size() == 1) {
                return prefixed.get(0);
            }
            if (prefixed.size() > 1) {
                throw new InvalidArgumentException("multiple IDs found with provided prefix: " + ref);
            }
        }
        throw new NotFoundException("No such container: " + reference);
    }

    public ContainerView inspect(String reference) {
        String id = resolve(reference);
        ContainerMetadata metadata;
        synchronized (byId) {
            metadata = byId.get(id);
        }
        return new ContainerView(metadata, runtime.inspect(id), network.flatMap(n -> n.attachment(id)));
    }

    /** Every container, newest first (as {@code docker ps} lists them). */
    public List<ContainerView> list() {
        List<ContainerMetadata> all;
        synchronized (byId) {
            all = new ArrayList<>(byId.values());
        }
        List<ContainerView> views = new ArrayList<>();
        for (ContainerMetadata m : all) {
            try {
                views.add(new ContainerView(m, runtime.inspect(m.id()), network.flatMap(n -> n.attachment(m.id()))));
            } catch (NotFoundException removedMeanwhile) {
                // listed, then removed by another request
            }
        }
        views.sort(Comparator.comparing((ContainerView v) -> v.metadata().created()).reversed());
        return views;
    }

    /** Starts a created or exited container; {@code false} if it was running already (Docker's 304). */
    public boolean start(String reference) {
        String id = resolve(reference);
        if (runtime.inspect(id).state() == ContainerState.RUNNING) {
            return false;
        }
        startNetworked(id);
        return true;
    }

    /** Links checked and ports published before the process starts; a failed start publishes nothing. */
    private void startNetworked(String id) {
        ContainerMetadata m = byIdLocked(id);
        LegacyLinks.requireRunning(m.name(), m.request().links(),
                target -> byName(target).map(t -> runtime.inspect(t.id()).state() == ContainerState.RUNNING).orElse(false));
        Optional<NetworkService> n = networking();
        n.ifPresent(net -> publishedPorts.beforeStart(net, id));
        try {
            runtime.start(id);
        } catch (RuntimeException e) {
            n.ifPresent(net -> publishedPorts.afterFailedStart(net, id));
            throw e;
        }
    }

    /** Stops a running container; {@code false} if it was not running (Docker's 304). */
    public boolean stop(String reference, Optional<Duration> timeout) {
        String id = resolve(reference);
        if (runtime.inspect(id).state() != ContainerState.RUNNING) {
            networking().ifPresent(n -> publishedPorts.afterStop(n, id)); // ended by itself: its ports go now
            return false;
        }
        ContainerRecord record = runtime.inspect(id);
        publish("kill", id, Map.of("signal", Integer.toString(record.spec().stopSignal())));
        runtime.stop(id, timeout.orElse(Duration.ofSeconds(10)));
        networking().ifPresent(n -> publishedPorts.afterStop(n, id));
        publish("stop", id);
        return true;
    }

    public void kill(String reference, String signal) {
        String id = resolve(reference);
        int number = Signals.parse(signal);
        if (runtime.inspect(id).state() != ContainerState.RUNNING) {
            throw new ConflictException("Cannot kill container: " + reference + ": Container " + id + " is not running");
        }
        publish("kill", id, Map.of("signal", Integer.toString(number)));
        runtime.kill(id, number);
        if (number == 9) {
            // Docker's kill with SIGKILL returns once the container is dead, so that a following rm finds it stopped.
            runtime.wait(id, Duration.ofSeconds(10));
        }
    }

    public void restart(String reference, Optional<Duration> timeout) {
        String id = resolve(reference);
        stop(id, timeout);
        startNetworked(id);
        publish("restart", id);
    }

    /** Waits until the container is not running (its exit) for up to {@code timeout}. */
    public Optional<ExitStatus> wait(String reference, Duration timeout) {
        return runtime.wait(resolve(reference), timeout);
    }

    /** The exit code of a container removed after it ran, while it is still remembered. */
    public Optional<Integer> exitOfRemoved(String id) {
        return removals.exitOf(id);
    }

    /** Removes a container; a running one only with {@code force}, which kills it first. */
    public void remove(String reference, boolean force) {
        remove(reference, force, false);
    }

    /** As {@link #remove(String, boolean)}; with {@code removeVolumes} its anonymous volumes go too ({@code rm -v}). */
    public void remove(String reference, boolean force, boolean removeVolumes) {
        String id = resolve(reference);
        ContainerRecord record = runtime.inspect(id);
        if (record.state() == ContainerState.RUNNING && !force) {
            throw new ConflictException("cannot remove container \"/" + inspect(id).name() + "\": container is running: "
                    + "stop the container before removing or force remove");
        }
        Map<String, String> attributes = attributes(id);
        ExitStatus lastExit = runtime.inspect(id).exit();
        runtime.delete(id, force);
        if (lastExit != null) {
            removals.recordExit(id, lastExit.exitCode());
        }
        network.ifPresent(n -> n.detach(id));
        volumes.ifPresent(v -> v.release(id, removeVolumes));
        synchronized (byId) {
            byId.remove(id);
        }
        execs.forget(id);
        removals.signal();
        events.publish("container", "destroy", id, attributes);
    }

    /**
     * Waits up to {@code timeout} until the container is removed (its name free, its ports and addresses released):
     * Docker's {@code wait?condition=removed}, which {@code docker run --rm} ends with. True once it is gone.
     */
    public boolean awaitRemoval(String id, Duration timeout) throws InterruptedException {
        return removals.awaitUntil(() -> {
            synchronized (byId) {
                return !byId.containsKey(id);
            }
        }, timeout);
    }

    /** The container's log as recorded; with {@code follow}, {@code sink} gets entries until the run ends. */
    public void logs(String reference, LogQuery query, Consumer<LogEntry> sink) {
        String id = resolve(reference);
        if (query.follow()) {
            runtime.logs(id, query, sink);
        } else {
            runtime.logs(id, query).forEach(sink);
        }
    }

    /** Connects to a running (or created) container's stdio; closing the handle detaches. */
    public AttachHandle attach(String reference) {
        return runtime.attach(resolve(reference));
    }

    public void resize(String reference, int rows, int cols) {
        runtime.resize(resolve(reference), rows, cols);
    }

    /** The containers' files, for {@code docker cp}, {@code export} and {@code diff}. */
    public ContainerFiles files() {
        return new ContainerFiles(this, runtime);
    }

    /**
     * The directory holding a container's changes to its image (the overlay's upper directory), for commit; a
     * container on the copy snapshotter has none.
     */
    public Path changesDir(String reference) {
        String id = resolve(reference);
        return runtime.inspect(id).rootfs().stream()
                .flatMap(m -> m.options().stream())
                .filter(o -> o.startsWith("upperdir="))
                .map(o -> Path.of(o.substring("upperdir=".length())))
                .findFirst()
                .orElseThrow(() -> new io.gantry.core.errors.FailedPreconditionException(
                        "commit " + reference + ": only containers on overlay layers can be committed"));
    }

    /**
     * Bytes the container wrote over its image (Docker's {@code SizeRw}): its overlay upper directory; 0 on the copy
     * snapshotter, which keeps no separate record of changes.
     */
    public long sizeRw(String reference) {
        try {
            return DiskUsage.of(changesDir(reference));
        } catch (io.gantry.core.errors.FailedPreconditionException noUpperDirectory) {
            return 0;
        }
    }

    public void pause(String reference) {
        String id = resolve(reference);
        runtime.pause(id);
        publish("pause", id);
    }

    public void unpause(String reference) {
        String id = resolve(reference);
        runtime.unpause(id);
        publish("unpause", id);
    }

    /** Gives a container a new, unique name; nothing else about it changes, running or not. */
    public void rename(String reference, String newName) {
        String id = resolve(reference);
        String name = ContainerNames.check(newName);
        String old;
        synchronized (byId) {
            checkNameFree(name);
            ContainerMetadata m = byId.get(id);
            old = m.name();
            ContainerMetadata renamed = new ContainerMetadata(m.id(), name, m.image(), m.imageId(), m.created(),
                    m.request(), m.process(), m.mounts(), m.ports());
            StateStore.write(containersDir.resolve(id).resolve(METADATA), renamed);
            byId.put(id, renamed);
        }
        publish("rename", id, Map.of("oldName", "/" + old));
    }

    /** Docker's {@code top}: {@code ps psArgs} restricted to the container's processes; refused unless it runs. */
    public ProcessTable top(String reference, String psArgs) {
        String id = resolve(reference);
        ContainerState state = runtime.inspect(id).state();
        if (state != ContainerState.RUNNING && state != ContainerState.PAUSED) {
            throw new ConflictException("Container " + id + " is not running");
        }
        ProcessTable table = ProcessTable.of(runtime.processes(id), psArgs);
        publish("top", id);
        return table;
    }

    /** The container's cgroup counters and the host figures beside them; zeros when it does not run. */
    public ContainerStats stats(String reference) {
        return runtime.stats(resolve(reference));
    }

    /** Something held until closed. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Keeps an exited {@code --rm} container until the returned hold is closed: an attached client (as with
     * {@code docker run --rm}) must read the last output before the container and its log go.
     */
    public Hold holdForAttach(String reference) {
        String id = resolve(reference);
        return removals.hold(id);
    }

    /**
     * Docker's {@code --rm}: once the container's run ends (and attached clients have read its output, for at most
     * a minute), it is removed. A thread per such container waits for its end; they are few and short-lived.
     */
    public void removeWhenExited(String reference) {
        String id = resolve(reference);
        Thread remover = new Thread(() -> {
            try {
                while (runtime.wait(id, Duration.ofHours(1)).isEmpty()) {
                    // still running
                }
                removals.awaitUntil(() -> !removals.held(id), Duration.ofMinutes(1));
                remove(id, true, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (NotFoundException alreadyRemoved) {
                // removed by someone else first
            } catch (RuntimeException e) {
                log.warn("auto-remove of container {}: {}", id, e.getMessage());
            }
        }, "auto-remove-" + id.substring(0, 12));
        remover.setDaemon(true);
        remover.start();
    }

    /** A view of an exec for {@code GET /exec/{id}/json}. */
    public record ExecView(String id, String containerId, boolean running, @Nullable Integer exitCode, long pid,
            List<String> command, String user, boolean tty, boolean openStdin, boolean openStdout,
            boolean openStderr) {
    }

    /** Docker's exec create: checks the container runs and resolves the user now, so start cannot fail on it. */
    public String createExec(String reference, List<String> command, List<String> env, String workingDir, String user,
            boolean tty, boolean attachStdin, boolean attachStdout, boolean attachStderr) {
        String id = resolve(reference);
        if (runtime.inspect(id).state() != ContainerState.RUNNING) {
            throw new ConflictException("Container " + id + " is not running");
        }
        if (command.isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        String execId = ContainerRuntime.newId();
        execs.create(execId, new ExecSessions.Created(id, command, env, workingDir, user, tty, attachStdin,
                attachStdout, attachStderr));
        events.publish("container", "exec_create: " + String.join(" ", command), id, attributes(id));
        return execId;
    }

    /** Starts a created exec; the caller relays its streams and reports its end with {@link #execExited}. */
    public ExecHandle startExec(String execId) {
        return execs.start(execId, created -> {
            long uid = -1;
            long gid = -1;
            if (!created.user().isEmpty()) {
                ContainerMetadata m = byIdLocked(created.containerId());
                ImageAccounts.User user = ImageAccounts.resolve(created.user(),
                        images.find(m.imageId()).map(ImageSource.LocalImage::layerDirsTopFirst).orElse(List.of()));
                uid = user.uid();
                gid = user.gid();
            }
            try {
                return runtime.exec(created.containerId(), new ExecSpec(created.command(), created.env(),
                        created.workingDir(), uid, gid, created.tty()));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("exec: " + e.getMessage(), e);
            }
        });
    }

    public void execExited(String execId, int exitCode) {
        execs.exited(execId, exitCode);
    }

    public ExecView inspectExec(String execId) {
        ExecSessions.Session s = execs.get(execId);
        ExecHandle handle = s.handle;
        return new ExecView(s.id, s.created.containerId(), s.running(), s.exitCode, handle == null ? 0 : handle.pid(),
                s.created.command(), s.created.user(), s.created.tty(), s.created.attachStdin(),
                s.created.attachStdout(), s.created.attachStderr());
    }

    public void resizeExec(String execId, int rows, int cols) {
        ExecHandle handle = execs.get(execId).handle;
        if (handle == null) {
            throw new ConflictException("exec " + execId + " is not running");
        }
        handle.resize(rows, cols);
    }

    private ContainerMetadata byIdLocked(String id) {
        synchronized (byId) {
            ContainerMetadata m = byId.get(id);
            if (m == null) {
                throw new NotFoundException("No such container: " + id);
            }
            return m;
        }
    }

    private void publish(String action, String id) {
        publish(action, id, Map.of());
    }

    private void publish(String action, String id, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(attributes(id));
        attributes.putAll(extra);
        events.publish("container", action, id, attributes);
    }

    private Map<String, String> attributes(String id) {
        ContainerMetadata m;
        synchronized (byId) {
            m = byId.get(id);
        }
        if (m == null) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>(m.request().labels());
        attributes.put("name", m.name());
        attributes.put("image", m.image());
        return attributes;
    }
}
