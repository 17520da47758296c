package io.gantry.console.network;

import io.gantry.console.activity.ActivityService;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.image.RemovalResult;
import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.NetworkResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** The networks page's one service. */
@Service
public class NetworkOperations {

    /** The networks every engine has; Docker refuses to remove them, and so does the console. */
    static final Set<String> BUILT_IN = Set.of("bridge", "host", "none");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    private final EngineClient engine;
    private final ActivityService activity;

    NetworkOperations(EngineClient engine, ActivityService activity) {
        this.engine = engine;
        this.activity = activity;
    }

    /** Every network, built-in ones first, then by name, with the containers attached to it. */
    public List<NetworkRow> list() {
        Map<String, Set<String>> users = users();
        return engine.listNetworks().stream().map(n -> row(n, users))
                .sorted(Comparator.comparing((NetworkRow r) -> !r.builtIn()).thenComparing(NetworkRow::name)).toList();
    }

    private static NetworkRow row(NetworkResource n, Map<String, Set<String>> users) {
        Set<String> attached = new TreeSet<>(users.getOrDefault(n.name(), Set.of()));
        if (n.containers() != null) {
            n.containers().values().forEach(e -> attached.add(e.name()));
        }
        String subnet = n.ipam() == null || n.ipam().config() == null ? "" : n.ipam().config().stream()
                .map(c -> c.getOrDefault("Subnet", "")).filter(s -> !s.isEmpty()).findFirst().orElse("");
        return new NetworkRow(n.id(), n.name(), n.driver(), subnet, BUILT_IN.contains(n.name()), List.copyOf(attached));
    }

    /** Creates a bridge network; a malformed or taken name is refused. */
    public NetworkRow create(String name) {
        String wanted = name.strip();
        if (!NAME.matcher(wanted).matches()) {
            throw new InvalidNetworkException("a network name uses letters, digits, _ . and -, starting with a letter or "
                    + "digit, not \"" + wanted + "\"");
        }
        return activity.recordAction("network.create", wanted, "", () -> {
            if (engine.listNetworks().stream().anyMatch(n -> n.name().equals(wanted))) {
                throw new InvalidNetworkException("a network named " + wanted + " exists already");
            }
            return row(engine.inspectNetwork(engine.createNetwork(wanted)), Map.of());
        });
    }

    /**
     * Removes each network in turn; a built-in one, or one with containers attached, is refused with the reason
     * (naming the containers), and the others still go.
     */
    public RemovalResult remove(List<NetworkRow> networks) {
        Map<String, Set<String>> users = users();
        List<String> removed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (NetworkRow network : networks) {
            try {
                activity.recordAction("network.remove", network.name(), "", () -> removeOne(network, users));
                removed.add(network.name());
            } catch (EngineCallException e) {
                refused.put(network.name(), e.getMessage());
            }
        }
        return new RemovalResult(removed, refused);
    }

    private void removeOne(NetworkRow network, Map<String, Set<String>> users) {
        if (BUILT_IN.contains(network.name())) {
            throw new EngineCallException(403, network.name() + " is one of the engine's own networks and cannot be removed");
        }
        Set<String> attached = new TreeSet<>(users.getOrDefault(network.name(), Set.of()));
        attached.addAll(network.usedBy());
        if (!attached.isEmpty()) {
            throw new EngineCallException(409, "in use by " + String.join(", ", attached));
        }
        engine.removeNetwork(network.id());
    }

    /** The engine's prune: every network but the built-in ones with no container attached; the names removed. */
    public List<String> prune() {
        return activity.recordAction("network.prune", "unused networks", "", engine::pruneNetworks);
    }

    /** Network name → names of the containers configured on it, running or not. */
    private Map<String, Set<String>> users() {
        Map<String, Set<String>> users = new HashMap<>();
        for (ContainerSummary c : engine.listContainers(true)) {
            String container = c.names() == null || c.names().isEmpty() ? c.id() : c.names().get(0).replaceFirst("^/", "");
            var settings = c.networkSettings() == null ? null : c.networkSettings().get("Networks");
            if (settings != null) {
                settings.keySet().forEach(n -> users.computeIfAbsent(n, k -> new TreeSet<>()).add(container));
            }
        }
        return users;
    }
}
