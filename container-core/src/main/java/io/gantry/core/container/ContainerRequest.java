package io.gantry.core.container;

import io.gantry.core.cgroup.Resources;
import io.gantry.core.runtime.RestartPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user asks for when creating a container, in Docker's terms, before the image's defaults are merged in.
 *
 * @param name         the container's name, or null for a generated one
 * @param image        the image reference as the user typed it
 * @param exposedPorts {@code 80/tcp} and the like, added to the image's
 * @param securityOpt  Docker's {@code no-new-privileges}, {@code seccomp=unconfined}
 * @param networkMode  {@code default} or {@code bridge} (the default bridge), a user-defined network's name,
 *                     {@code none} or {@code host}
 * @param ports        published ports in {@code -p} form: {@code [host_ip:][host_port:]container_port[/proto]}
 * @param volumes      volumes and bind mounts in {@code -v} form: {@code [name|/host/path:]/target[:ro]}
 * @param aliases      extra names on a user-defined network
 * @param links        legacy links, {@code target[:alias]} ({@code docker run --link})
 * @param volumesFrom  containers whose mounts to share, {@code container[:ro|:rw]}
 */
public record ContainerRequest(@Nullable String name, String image, ProcessDefaults.Overrides process,
        @Nullable String hostname, Map<String, String> labels, Set<String> exposedPorts, boolean openStdin,
        RestartPolicy restartPolicy, Resources resources, boolean autoRemove, boolean privileged, List<String> capAdd,
        List<String> capDrop, List<String> securityOpt, String networkMode, List<String> ports, List<String> volumes,
        List<String> aliases, List<String> links, List<String> volumesFrom) {

    public ContainerRequest {
        labels = Map.copyOf(labels);
        exposedPorts = Set.copyOf(exposedPorts);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpt = List.copyOf(securityOpt);
        ports = ports == null ? List.of() : List.copyOf(ports);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? List.of() : List.copyOf(links);
        volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
        networkMode = networkMode == null || networkMode.isEmpty() ? "default" : networkMode;
    }

    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** For the many optional settings; everything not set is Docker's default. */
    public static final class Builder {
        private final String image;
        private @Nullable String name;
        private @Nullable List<String> entrypoint;
        private @Nullable List<String> cmd;
        private List<String> env = List.of();
        private @Nullable String workingDir;
        private @Nullable String user;
        private @Nullable String stopSignal;
        private boolean tty;
        private @Nullable String hostname;
        private Map<String, String> labels = Map.of();
        private Set<String> exposedPorts = Set.of();
        private boolean openStdin;
        private RestartPolicy restartPolicy = RestartPolicy.no();
        private Resources resources = Resources.defaults();
        private boolean autoRemove;
        private boolean privileged;
        private List<String> capAdd = List.of();
        private List<String> capDrop = List.of();
        private List<String> securityOpt = List.of();
        private String networkMode = "default";
        private List<String> ports = List.of();
        private List<String> volumes = List.of();
        private List<String> aliases = List.of();
        private List<String> links = List.of();
        private List<String> volumesFrom = List.of();

        private Builder(String image) {
            this.image = image;
        }

        public Builder name(@Nullable String n) { this.name = n; return this; }
        public Builder entrypoint(@Nullable List<String> e) { this.entrypoint = e; return this; }
        public Builder cmd(@Nullable List<String> c) { this.cmd = c; return this; }
        public Builder env(List<String> e) { this.env = e; return this; }
        public Builder workingDir(@Nullable String w) { this.workingDir = w; return this; }
        public Builder user(@Nullable String u) { this.user = u; return this; }
        public Builder stopSignal(@Nullable String s) { this.stopSignal = s; return this; }
        public Builder tty(boolean t) { this.tty = t; return this; }
        public Builder hostname(@Nullable String h) { this.hostname = h; return this; }
        public Builder labels(Map<String, String> l) { this.labels = l; return this; }
        public Builder exposedPorts(Set<String> p) { this.exposedPorts = p; return this; }
        public Builder openStdin(boolean o) { this.openStdin = o; return this; }
        public Builder restartPolicy(RestartPolicy r) { this.restartPolicy = r; return this; }
        public Builder resources(Resources r) { this.resources = r; return this; }
        public Builder autoRemove(boolean a) { this.autoRemove = a; return this; }
        public Builder privileged(boolean p) { this.privileged = p; return this; }
        public Builder capAdd(List<String> c) { this.capAdd = c; return this; }
        public Builder capDrop(List<String> c) { this.capDrop = c; return this; }
        public Builder securityOpt(List<String> s) { this.securityOpt = s; return this; }
        public Builder networkMode(String n) { this.networkMode = n; return this; }
        public Builder ports(List<String> p) { this.ports = p; return this; }
        public Builder volumes(List<String> v) { this.volumes = v; return this; }
        public Builder aliases(List<String> a) { this.aliases = a; return this; }
        public Builder links(List<String> l) { this.links = l; return this; }
        public Builder volumesFrom(List<String> v) { this.volumesFrom = v; return this; }

        public ContainerRequest build() {
            return new ContainerRequest(name, image, new ProcessDefaults.Overrides(entrypoint, cmd, env, workingDir,
                    user, stopSignal, tty), hostname, labels, exposedPorts, openStdin, restartPolicy, resources,
                    autoRemove, privileged, capAdd, capDrop, securityOpt, networkMode, ports, volumes, aliases, links,
                    volumesFrom);
        }
    }
}
