package io.gantry.core.container;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.network.ExposedPort;
import io.gantry.core.network.LinkRequest;
import io.gantry.core.network.PortBinding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code docker run --link target[:alias]} resolved against the engine's containers: the target must exist when the
 * consumer is created and run when it starts, as with Docker. What the network needs of a target (its exposed ports:
 * the image's {@code ExposedPorts}, its {@code expose} and the ports it publishes; its environment) comes from here.
 */
final class LegacyLinks {

    private LegacyLinks() {
    }

    /** One link as written: {@code db}, {@code db:db_1}, or inspect's {@code /db:/web/db_1}. */
    record Spec(String target, String alias) {

        static Spec parse(String link) {
            String[] parts = link.split(":", -1);
            if (parts.length > 2 || parts[0].replace("/", "").isEmpty()) {
                throw new InvalidArgumentException("invalid link " + link + ": expected container[:alias]");
            }
            String target = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
            String alias = parts.length == 1 || parts[1].isEmpty() ? target
                    : parts[1].substring(parts[1].lastIndexOf('/') + 1);
            if (alias.isEmpty()) {
                throw new InvalidArgumentException("invalid link " + link + ": empty alias");
            }
            return new Spec(target, alias);
        }

        /** As {@code docker inspect} shows it in {@code HostConfig.Links}. */
        String inspectForm(String consumer) {
            return "/" + target + ":/" + consumer + "/" + alias;
        }
    }

    /**
     * The link requests for a new container's network attachment; a target that does not exist is Docker's "could not
     * get container" error, an invalid argument as in Docker.
     */
    static List<LinkRequest> resolve(List<String> links, Function<String, Optional<ContainerMetadata>> byName,
            ImageSource images) {
        return links.stream().map(Spec::parse).map(spec -> {
            // invalid argument, not "not found": the docker CLI would take a 404 for a missing image and pull it
            ContainerMetadata target = byName.apply(spec.target())
                    .orElseThrow(() -> new InvalidArgumentException("could not get container for " + spec.target()
                            + ": No such container: " + spec.target()));
            return new LinkRequest(target.name(), spec.alias(), exposedPorts(target, images),
                    target.process().env());
        }).toList();
    }

    /** Docker's refusal to start a container whose link target does not run. */
    static void requireRunning(String consumer, List<String> links, Function<String, Boolean> running) {
        for (String link : links) {
            Spec spec = Spec.parse(link);
            if (!running.apply(spec.target())) {
                throw new ConflictException("Cannot link to a non running container: /" + spec.target() + " AS /"
                        + consumer + "/" + spec.alias());
            }
        }
    }

    private static List<ExposedPort> exposedPorts(ContainerMetadata target, ImageSource images) {
        Set<ExposedPort> ports = new LinkedHashSet<>();
        images.find(target.imageId()).map(ImageSource.LocalImage::config)
                .ifPresent(c -> c.exposedPorts().keySet().forEach(p -> ports.add(ExposedPort.parse(p))));
        target.request().exposedPorts().forEach(p -> ports.add(ExposedPort.parse(p)));
        target.request().ports().stream().map(PortBinding::parse)
                .forEach(p -> ports.add(new ExposedPort(p.containerPort(), p.protocol())));
        return List.copyOf(ports);
    }
}
