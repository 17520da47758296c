package io.gantry.core.api;

import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.network.Endpoint;
import io.gantry.core.network.Network;
import io.gantry.core.network.NetworkAttachment;
import io.gantry.core.network.PortBinding;
import io.gantry.core.runtime.ContainerState;
import io.gantry.core.volume.VolumeMount;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /containers/json} as Docker applies them: {@code id} and {@code name} as regular
 * expressions (a name with its leading {@code /}), {@code label}, {@code status}, {@code exited}, {@code ancestor},
 * {@code before}/{@code since} (another container), {@code network}, {@code volume} (name or mount point),
 * {@code publish}/{@code expose} ({@code port[/proto]} or a range), and {@code health}, {@code is-task},
 * {@code isolation}, which this engine answers as Docker does for containers without health checks or tasks.
 */
final class ContainerListFilter implements Predicate<ContainerView> {

    static final Set<String> KEYS = Set.of("id", "name", "label", "status", "exited", "ancestor", "before", "since",
            "network", "volume", "publish", "expose", "health", "is-task", "isolation");
    private static final Set<String> STATES = Set.of("created", "restarting", "running", "removing", "paused", "exited",
            "dead");
    private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");

    private final Filters filters;
    private final List<Pattern> ids;
    private final List<Pattern> names;
    private final Optional<Instant> before;
    private final Optional<Instant> since;
    private final Set<String> networks = new HashSet<>();
    private final Set<String> published;
    private final Set<String> exposed;

    ContainerListFilter(Filters filters, ContainerService containers) {
        this.filters = filters;
        for (String status : filters.get("status")) {
            if (!STATES.contains(status)) {
                throw new ApiException(400, "invalid filter 'status=" + status + "'");
            }
        }
        for (String health : filters.get("health")) {
            if (!HEALTH.contains(health)) {
                throw new ApiException(400, "Unrecognised filter value for health: " + health);
            }
        }
        for (String exit : filters.get("exited")) {
            if (!exit.matches("-?[0-9]{1,10}")) {
                throw new ApiException(400, "invalid filter 'exited=" + exit + "'");
            }
        }
        ids = filters.patterns("id");
        names = filters.patterns("name");
        before = created(filters.get("before"), containers);
        since = created(filters.get("since"), containers);
        for (String network : filters.get("network")) {
            networks.add(network);
            containers.networking().flatMap(n -> n.inspect(network)).map(Network::name).ifPresent(networks::add);
        }
        published = ports("publish");
        exposed = ports("expose");
    }

    @Override
    public boolean test(ContainerView view) {
        ContainerState state = view.runtime().state();
        boolean running = state == ContainerState.RUNNING || state == ContainerState.PAUSED;
        Instant created = Instant.parse(view.metadata().created());
        return Filters.finds(ids, view.id()) && Filters.finds(names, "/" + view.name())
                && filters.acceptsLabels(view.metadata().request().labels())
                && filters.accepts("status", ContainerTranslator.status(state))
                && exitedAs(view, running) && ancestor(view)
                && before.map(created::isBefore).orElse(true) && since.map(created::isAfter).orElse(true)
                && onNetwork(view.network()) && usesVolume(view.metadata().mounts())
                && portMatches(published, publishedPorts(view)) && portMatches(exposed, exposedPorts(view))
                && filters.accepts("health", "none") && filters.accepts("is-task", "false", "0")
                && filters.accepts("isolation", "default", "");
    }

    private boolean exitedAs(ContainerView view, boolean running) {
        if (filters.get("exited").isEmpty()) {
            return true;
        }
        boolean ran = !view.runtime().startedAt().isEmpty();
        return !running && ran && view.runtime().exit() != null
                && filters.get("exited").contains(Integer.toString(view.runtime().exit().exitCode()));
    }

    /** The image as named at create (with or without {@code :latest}) or its ID, full or a prefix. */
    private boolean ancestor(ContainerView view) {
        Set<String> wanted = filters.get("ancestor");
        if (wanted.isEmpty()) {
            return true;
        }
        String image = view.metadata().image();
        String id = view.metadata().imageId();
        for (String a : wanted) {
            String bare = a.startsWith("sha256:") ? a.substring(7) : a;
            if (a.equals(image) || (a + ":latest").equals(image) || a.equals(image + ":latest")
                    || (bare.matches("[0-9a-f]{4,64}") && id.startsWith("sha256:" + bare))) {
                return true;
            }
        }
        return false;
    }

    private boolean onNetwork(Optional<NetworkAttachment> attachment) {
        return networks.isEmpty() || attachment.map(a -> a.endpoints().stream().map(Endpoint::network)
                .anyMatch(networks::contains)).orElse(false);
    }

    private boolean usesVolume(List<VolumeMount> mounts) {
        Set<String> wanted = filters.get("volume");
        return wanted.isEmpty() || mounts.stream().anyMatch(m -> wanted.contains(m.volume())
                || wanted.contains(m.target()) || wanted.contains(m.source()));
    }

    private static Set<String> publishedPorts(ContainerView view) {
        Set<String> ports = new HashSet<>();
        view.metadata().ports().forEach(p -> {
            PortBinding b = PortBinding.parse(p);
            ports.add(b.containerPort() + "/" + b.protocol().wire());
        });
        return ports;
    }

    private static Set<String> exposedPorts(ContainerView view) {
        Set<String> ports = publishedPorts(view);
        view.metadata().request().exposedPorts().forEach(p -> ports.add(p.contains("/") ? p : p + "/tcp"));
        return ports;
    }

    private static boolean portMatches(Set<String> wanted, Set<String> ports) {
        return wanted.isEmpty() || ports.stream().anyMatch(wanted::contains);
    }

    /** {@code 80}, {@code 80/udp} or {@code 8000-8010/tcp}, each port as {@code port/proto}. */
    private Set<String> ports(String key) {
        Set<String> ports = new HashSet<>();
        for (String spec : filters.get(key)) {
            String[] parts = spec.split("/", 2);
            String proto = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "tcp";
            String[] range = parts[0].split("-", 2);
            try {
                int from = Integer.parseInt(range[0]);
                int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
                if (from < 1 || to > 65535 || to < from || !Set.of("tcp", "udp", "sctp").contains(proto)) {
                    throw new NumberFormatException();
                }
                for (int port = from; port <= to; port++) {
                    ports.add(port + "/" + proto);
                }
            } catch (NumberFormatException e) {
                throw new ApiException(400, "invalid filter '" + key + "=" + spec + "'");
            }
        }
        return ports;
    }

    /** The creation time of the container a before/since filter names; that container must exist. */
    private static Optional<Instant> created(Set<String> references, ContainerService containers) {
        if (references.size() > 1) {
            throw new ApiException(400, "invalid filter: only one container may be named");
        }
        return references.stream().findFirst()
                .map(reference -> Instant.parse(containers.inspect(reference).metadata().created()));
    }
}
