package io.gantry.console.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One service of a template (Panamax calls it an image): what to run and how. Lenient on purpose: it holds whatever
 * a file said, so that {@link TemplateValidator} can report every problem at once with the service and field.
 *
 * @param image           the image reference, e.g. {@code mariadb:11}
 * @param category        a free-text category for grouping in the UI
 * @param type            the icon type as written (Panamax matches it case-insensitively, unknown means default)
 * @param command         the arguments after the image; empty for the image's own
 * @param entrypoint      replaces the image's entrypoint; empty for the image's own
 * @param expose          extra exposed container ports, as written
 * @param restart         Docker restart policy ({@code no}, {@code always}, {@code unless-stopped},
 *                        {@code on-failure[:N]}) or null
 * @param memoryLimit     e.g. {@code 512m}, or null
 * @param cpus            e.g. {@code 0.5}, or null
 * @param deploymentCount how many instances, or null for one
 * @param networkMode     {@code bridge}, {@code host}, {@code none} or null for the application's network
 */
public record TemplateImage(String name, String image, @Nullable String description, @Nullable String category,
                            @Nullable String type, List<String> command, List<String> entrypoint,
                            List<PortMapping> ports, List<String> expose, List<EnvVar> environment,
                            List<VolumeMount> volumes, List<String> volumesFrom, List<ServiceLink> links,
                            List<String> dependsOn, @Nullable String restart, @Nullable String memoryLimit,
                            @Nullable String cpus, @Nullable Integer deploymentCount, boolean privileged,
                            List<String> capAdd, @Nullable String networkMode, Origin origin) {

    public TemplateImage {
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
        capAdd = List.copyOf(capAdd);
        Objects.requireNonNull(origin, "origin");
    }

    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, image);
        b.description = description;
        b.category = category;
        b.type = type;
        b.command = new ArrayList<>(command);
        b.entrypoint = new ArrayList<>(entrypoint);
        b.ports = new ArrayList<>(ports);
        b.expose = new ArrayList<>(expose);
        b.environment = new ArrayList<>(environment);
        b.volumes = new ArrayList<>(volumes);
        b.volumesFrom = new ArrayList<>(volumesFrom);
        b.links = new ArrayList<>(links);
        b.dependsOn = new ArrayList<>(dependsOn);
        b.restart = restart;
        b.memoryLimit = memoryLimit;
        b.cpus = cpus;
        b.deploymentCount = deploymentCount;
        b.privileged = privileged;
        b.capAdd = new ArrayList<>(capAdd);
        b.networkMode = networkMode;
        b.origin = origin;
        return b;
    }

    /** Builds a service field by field; lists start empty and are copied on {@link #build()}. */
    public static final class Builder {
        private String name;
        private String image;
        private @Nullable String description;
        private @Nullable String category;
        private @Nullable String type;
        private List<String> command = new ArrayList<>();
        private List<String> entrypoint = new ArrayList<>();
        private List<PortMapping> ports = new ArrayList<>();
        private List<String> expose = new ArrayList<>();
        private List<EnvVar> environment = new ArrayList<>();
        private List<VolumeMount> volumes = new ArrayList<>();
        private List<String> volumesFrom = new ArrayList<>();
        private List<ServiceLink> links = new ArrayList<>();
        private List<String> dependsOn = new ArrayList<>();
        private @Nullable String restart;
        private @Nullable String memoryLimit;
        private @Nullable String cpus;
        private @Nullable Integer deploymentCount;
        private boolean privileged;
        private List<String> capAdd = new ArrayList<>();
        private @Nullable String networkMode;
        private Origin origin = Origin.none();

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder image(String value) { image = value; return this; }
        public Builder description(@Nullable String value) { description = value; return this; }
        public Builder category(@Nullable String value) { category = value; return this; }
        public Builder type(@Nullable String value) { type = value; return this; }
        public Builder command(List<String> value) { command = new ArrayList<>(value); return this; }
        public Builder entrypoint(List<String> value) { entrypoint = new ArrayList<>(value); return this; }
        public Builder ports(List<PortMapping> value) { ports = new ArrayList<>(value); return this; }
        public Builder port(PortMapping value) { ports.add(value); return this; }
        public Builder expose(List<String> value) { expose = new ArrayList<>(value); return this; }
        public Builder environment(List<EnvVar> value) { environment = new ArrayList<>(value); return this; }
        public Builder env(String variable, @Nullable String value) { environment.add(EnvVar.of(variable, value)); return this; }
        public Builder volumes(List<VolumeMount> value) { volumes = new ArrayList<>(value); return this; }
        public Builder volume(@Nullable String source, String target) { volumes.add(VolumeMount.of(source, target)); return this; }
        public Builder volumesFrom(List<String> value) { volumesFrom = new ArrayList<>(value); return this; }
        public Builder links(List<ServiceLink> value) { links = new ArrayList<>(value); return this; }
        public Builder link(String service, String alias) { links.add(ServiceLink.of(service, alias)); return this; }
        public Builder dependsOn(List<String> value) { dependsOn = new ArrayList<>(value); return this; }
        public Builder restart(@Nullable String value) { restart = value; return this; }
        public Builder memoryLimit(@Nullable String value) { memoryLimit = value; return this; }
        public Builder cpus(@Nullable String value) { cpus = value; return this; }
        public Builder deploymentCount(@Nullable Integer value) { deploymentCount = value; return this; }
        public Builder privileged(boolean value) { privileged = value; return this; }
        public Builder capAdd(List<String> value) { capAdd = new ArrayList<>(value); return this; }
        public Builder networkMode(@Nullable String value) { networkMode = value; return this; }
        public Builder origin(Origin value) { origin = value; return this; }

        public TemplateImage build() {
            return new TemplateImage(name, image, description, category, type, command, entrypoint, ports, expose,
                    environment, volumes, volumesFrom, links, dependsOn, restart, memoryLimit, cpus, deploymentCount,
                    privileged, capAdd, networkMode, origin);
        }
    }
}
