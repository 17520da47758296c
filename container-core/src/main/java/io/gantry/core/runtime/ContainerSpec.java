package io.gantry.core.runtime;

import io.gantry.core.cgroup.Resources;
import io.gantry.core.snapshot.ChainId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the runtime needs to run one container, already resolved (no image lookups, no names left).
 *
 * @param layers           the image's layers, lowest first
 * @param command          entrypoint followed by command; a first word without {@code /} is looked up in PATH
 * @param env              {@code KEY=value} entries
 * @param workingDir       absolute path inside the container
 * @param uid              user ID the command runs as
 * @param gid              primary group ID
 * @param groups           supplementary group IDs
 * @param hostname         the UTS namespace's hostname
 * @param capabilities     the capability set (bounding = permitted = effective; inheritable and ambient empty)
 * @param privileged       all capabilities, all devices, no seccomp, no masked paths, writable {@code /sys}
 * @param seccomp          whether the default seccomp filter applies ({@code false}: {@code unconfined})
 * @param noNewPrivileges  Docker's {@code no-new-privileges}
 * @param resources        cgroup limits
 * @param stopSignal       the signal {@code stop} sends first
 * @param netnsPath        a network namespace to join, or empty for a new one with only {@code lo}
 * @param restartPolicy    when the engine starts the container again after it exits
 * @param tty              a pty for stdio (Docker's {@code -t}); stderr joins stdout
 * @param openStdin        stdin stays open for attach clients (Docker's {@code -i}); else it is {@code /dev/null}
 * @param logMaxSize       the json-file log rotates before passing this many bytes; 0 for never
 * @param logMaxFiles      how many log files rotation keeps, the current one included (at least 1)
 * @param binds            host files and directories bound into the container (volumes, generated /etc files)
 */
public record ContainerSpec(List<ChainId> layers, List<String> command, List<String> env, String workingDir,
                            long uid, long gid, List<Long> groups, String hostname, Set<Capability> capabilities,
                            boolean privileged, boolean seccomp, boolean noNewPrivileges, Resources resources,
                            int stopSignal, String netnsPath, RestartPolicy restartPolicy, boolean tty,
                            boolean openStdin, long logMaxSize, int logMaxFiles, List<Bind> binds) {

    /**
     * A host path bound at {@code target} in the container. The shim opens the source before it leaves the host's
     * root and resolves the target only inside the container's.
     */
    public record Bind(String source, String target, boolean readOnly) {
        public Bind {
            for (String path : new String[] {source, target}) {
                if (!path.startsWith("/") || path.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == 0)) {
                    throw new IllegalArgumentException("bind paths must be absolute, without tabs or newlines: " + path);
                }
            }
        }
    }

    public ContainerSpec {
        binds = binds == null ? List.of() : List.copyOf(binds);
        layers = List.copyOf(layers);
        command = List.copyOf(command);
        env = List.copyOf(env);
        groups = List.copyOf(groups);
        capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a container needs at least one layer");
        }
        if (command.isEmpty() || command.get(0).isEmpty()) {
            throw new IllegalArgumentException("a container needs a command");
        }
        if (logMaxSize < 0 || logMaxFiles < 1) {
            throw new IllegalArgumentException("log max-size must not be negative and max-file at least 1");
        }
        if (uid < 0 || gid < 0 || stopSignal < 1 || stopSignal > 64) {
            throw new IllegalArgumentException("uid, gid and stop signal out of range");
        }
        for (String s : env) {
            if (s.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry is not KEY=value: " + s);
            }
        }
    }

    public static Builder builder(List<ChainId> layers, String... command) {
        return new Builder(layers, List.of(command));
    }

    /** Collects a spec with Docker's defaults: root, {@code /}, default capabilities and seccomp filter. */
    public static final class Builder {
        private final List<ChainId> layers;
        private List<String> command;
        private List<String> env = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        private String workingDir = "/";
        private long uid;
        private long gid;
        private List<Long> groups = List.of();
        private String hostname = "";
        private final Set<Capability> capabilities = Capability.dockerDefaults();
        private boolean privileged;
        private boolean seccomp = true;
        private boolean noNewPrivileges;
        private Resources resources = Resources.defaults();
        private int stopSignal = 15;
        private String netnsPath = "";
        private RestartPolicy restartPolicy = RestartPolicy.no();
        private boolean tty;
        private boolean openStdin;
        private long logMaxSize;
        private int logMaxFiles = 1;
        private final List<Bind> binds = new java.util.ArrayList<>();

        private Builder(List<ChainId> layers, List<String> command) {
            this.layers = layers;
            this.command = command;
        }

        public Builder command(List<String> c) { this.command = c; return this; }
        public Builder bind(String source, String target, boolean readOnly) { binds.add(new Bind(source, target, readOnly)); return this; }
        public Builder env(List<String> e) { this.env = e; return this; }
        public Builder workingDir(String dir) { this.workingDir = dir; return this; }
        public Builder user(long u, long g) { this.uid = u; this.gid = g; return this; }
        public Builder groups(List<Long> g) { this.groups = g; return this; }
        public Builder hostname(String h) { this.hostname = h; return this; }
        public Builder capAdd(Capability... caps) { capabilities.addAll(List.of(caps)); return this; }
        public Builder capDrop(Capability... caps) { List.of(caps).forEach(capabilities::remove); return this; }
        public Builder capDropAll() { capabilities.clear(); return this; }
        public Builder privileged(boolean p) { this.privileged = p; return this; }
        public Builder seccomp(boolean s) { this.seccomp = s; return this; }
        public Builder noNewPrivileges(boolean n) { this.noNewPrivileges = n; return this; }
        public Builder resources(Resources r) { this.resources = r; return this; }
        public Builder stopSignal(int s) { this.stopSignal = s; return this; }
        public Builder netnsPath(String p) { this.netnsPath = p; return this; }
        public Builder restartPolicy(RestartPolicy p) { this.restartPolicy = p; return this; }
        public Builder tty(boolean t) { this.tty = t; return this; }
        public Builder openStdin(boolean i) { this.openStdin = i; return this; }
        public Builder logRotation(long maxSize, int maxFiles) { this.logMaxSize = maxSize; this.logMaxFiles = maxFiles; return this; }

        public ContainerSpec build() {
            String name = hostname;
            return new ContainerSpec(layers, command, env, workingDir, uid, gid, groups, name, capabilities,
                    privileged, seccomp, noNewPrivileges, resources, stopSignal, netnsPath, restartPolicy, tty, openStdin, logMaxSize, logMaxFiles,
                    binds);
        }
    }
}
