package io.gantry.console.app;

import io.gantry.console.template.EnvVar;
import io.gantry.console.template.ServiceLink;
import io.gantry.console.template.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One service of an application: what runs and how, with concrete values (parameters applied), and the container it
 * runs as. Made from a template's service by {@link AppServices#fromTemplate}; edited with {@link #toBuilder()}.
 *
 * @param volumes     as the template writes them: a named volume's source is its name within the application
 *                    ({@link DeployPlan} gives it the application's prefix), a host path is bound as it is
 * @param restart     the restart policy, or null for the engine's default ({@code no})
 * @param type        the icon type the template gave, kept for saving back as a template
 * @param containerId the container the service runs as, or null when none was created (or it was removed)
 */
public record AppService(String name, String image, List<String> command, List<String> entrypoint,
                         List<ServicePort> ports, List<Integer> expose, List<EnvVar> environment,
                         List<VolumeMount> volumes, List<String> volumesFrom, List<ServiceLink> links,
                         List<String> dependsOn, @Nullable RestartPolicy restart, Limits limits,
                         @Nullable String category, @Nullable String description, @Nullable String type,
                         boolean privileged, List<String> capAdd, @Nullable String networkMode,
                         @Nullable String containerId) {

    public AppService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        ports = List.copyOf(ports);
        expose = List.copyOf(expose);
        environment = List.copyOf(environment);
        volumes = List.copyOf(volumes);
        volumesFrom = List.copyOf(volumesFrom);
        links = List.copyOf(links);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(limits, "limits");
        capAdd = List.copyOf(capAdd);
    }

    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    public Optional<String> container() {
        return Optional.ofNullable(containerId);
    }

    public AppService withContainerId(@Nullable String id) {
        return toBuilder().containerId(id).build();
    }

    /** Every service this one needs started first: link targets, depends_on and volumes_from, each once. */
    public List<String> needs() {
        List<String> needs = new ArrayList<>();
        links.forEach(l -> needs.add(l.service()));
        needs.addAll(dependsOn);
        needs.addAll(volumesFrom);
        return needs.stream().distinct().filter(n -> !n.equals(name)).toList();
    }

    public Builder toBuilder() {
        return new Builder(name, image).command(command).entrypoint(entrypoint).ports(ports).expose(expose)
                .environment(environment).volumes(volumes).volumesFrom(volumesFrom).links(links).dependsOn(dependsOn)
                .restart(restart).limits(limits).category(category).description(description).type(type)
                .privileged(privileged).capAdd(capAdd).networkMode(networkMode).containerId(containerId);
    }

    /** Builds a service field by field; lists start empty. */
    public static final class Builder {
        private String name;
        private String image;
        private List<String> command = List.of();
        private List<String> entrypoint = List.of();
        private List<ServicePort> ports = new ArrayList<>();
        private List<Integer> expose = List.of();
        private List<EnvVar> environment = new ArrayList<>();
        private List<VolumeMount> volumes = new ArrayList<>();
        private List<String> volumesFrom = List.of();
        private List<ServiceLink> links = new ArrayList<>();
        private List<String> dependsOn = List.of();
        private @Nullable RestartPolicy restart;
        private Limits limits = Limits.NONE;
        private @Nullable String category;
        private @Nullable String description;
        private @Nullable String type;
        private boolean privileged;
        private List<String> capAdd = List.of();
        private @Nullable String networkMode;
        private @Nullable String containerId;

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder image(String value) { image = value; return this; }
        public Builder command(List<String> value) { command = List.copyOf(value); return this; }
        public Builder entrypoint(List<String> value) { entrypoint = List.copyOf(value); return this; }
        public Builder ports(List<ServicePort> value) { ports = new ArrayList<>(value); return this; }
        public Builder port(ServicePort value) { ports.add(value); return this; }
        public Builder expose(List<Integer> value) { expose = List.copyOf(value); return this; }
        public Builder environment(List<EnvVar> value) { environment = new ArrayList<>(value); return this; }
        public Builder env(String variable, String value) { environment.add(EnvVar.of(variable, value)); return this; }
        public Builder volumes(List<VolumeMount> value) { volumes = new ArrayList<>(value); return this; }
        public Builder volume(@Nullable String source, String target) { volumes.add(VolumeMount.of(source, target)); return this; }
        public Builder volumesFrom(List<String> value) { volumesFrom = List.copyOf(value); return this; }
        public Builder links(List<ServiceLink> value) { links = new ArrayList<>(value); return this; }
        public Builder link(String service, String alias) { links.add(ServiceLink.of(service, alias)); return this; }
        public Builder dependsOn(List<String> value) { dependsOn = List.copyOf(value); return this; }
        public Builder restart(@Nullable RestartPolicy value) { restart = value; return this; }
        public Builder limits(Limits value) { limits = value; return this; }
        public Builder category(@Nullable String value) { category = value; return this; }
        public Builder description(@Nullable String value) { description = value; return this; }
        public Builder type(@Nullable String value) { type = value; return this; }
        public Builder privileged(boolean value) { privileged = value; return this; }
        public Builder capAdd(List<String> value) { capAdd = List.copyOf(value); return this; }
        public Builder networkMode(@Nullable String value) { networkMode = value; return this; }
        public Builder containerId(@Nullable String value) { containerId = value; return this; }

        public AppService build() {
            return new AppService(name, image, command, entrypoint, ports, expose, environment, volumes, volumesFrom,
                    links, dependsOn, restart, limits, category, description, type, privileged, capAdd, networkMode,
                    containerId);
        }
    }
}
