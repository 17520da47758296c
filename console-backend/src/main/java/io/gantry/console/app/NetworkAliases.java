package io.gantry.console.app;

import io.gantry.console.template.ServiceLink;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names each service answers to on the application's network: its own name and every alias another service
 * links to it by. A legacy link alias was private to the linking container; on a shared network it is not, so one
 * name may stand for one service only.
 */
final class NetworkAliases {

    private NetworkAliases() {
    }

    /**
     * Service name → its aliases, the service name first.
     *
     * @throws ApplicationRejectedException when one name would stand for two services (DNS ignores case)
     */
    static Map<String, Set<String>> of(List<AppService> services) {
        Map<String, Set<String>> aliases = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (AppService s : services) {
            aliases.put(s.name(), new LinkedHashSet<>(List.of(s.name())));
            owner.put(s.name().toLowerCase(Locale.ROOT), s.name());
        }
        for (AppService s : services) {
            for (ServiceLink link : s.links()) {
                String key = link.alias().toLowerCase(Locale.ROOT);
                String taken = owner.putIfAbsent(key, link.service());
                if (taken != null && !taken.equals(link.service())) {
                    throw new ApplicationRejectedException("Service '" + s.name() + "' links to '" + link.service()
                            + "' as '" + link.alias() + "', but that name already stands for '" + taken
                            + "' on the application's network; choose another alias.");
                }
                if (aliases.containsKey(link.service())) {
                    aliases.get(link.service()).add(link.alias());
                }
            }
        }
        return aliases;
    }
}
