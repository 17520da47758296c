package io.gantry.console.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which services can be created and started: every service after the ones it links to, depends on
 * or takes volumes from; otherwise in the application's own order.
 */
final class ServiceOrder {

    private ServiceOrder() {
    }

    /**
     * @throws ApplicationRejectedException when services need each other in a cycle (naming them in order), or a
     *                                      service needs one the application does not have
     */
    static List<AppService> of(List<AppService> services) {
        Map<String, AppService> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (AppService s : services) {
            for (String need : s.needs()) {
                if (!byName.containsKey(need)) {
                    throw new ApplicationRejectedException("Service '" + s.name() + "' needs '" + need
                            + "', which is not a service of this application.");
                }
            }
        }
        List<AppService> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < services.size()) {
            AppService next = services.stream()
                    .filter(s -> !placed.contains(s.name()) && placed.containsAll(s.needs()))
                    .findFirst().orElseThrow(() -> cycle(services, placed, byName));
            ordered.add(next);
            placed.add(next.name());
        }
        return ordered;
    }

    /** Walks from an unplaced service along unplaced needs until a service repeats: that loop is the cycle. */
    private static ApplicationRejectedException cycle(List<AppService> services, Set<String> placed,
                                                      Map<String, AppService> byName) {
        List<String> path = new ArrayList<>();
        String at = services.stream().filter(s -> !placed.contains(s.name())).findFirst().orElseThrow().name();
        while (!path.contains(at)) {
            path.add(at);
            at = byName.get(at).needs().stream().filter(n -> !placed.contains(n)).findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        loop.add(at);
        return new ApplicationRejectedException("Services " + String.join(" -> ", loop)
                + " depend on each other in a cycle (through links, depends_on or volumes_from), so none can start "
                + "first.");
    }
}
