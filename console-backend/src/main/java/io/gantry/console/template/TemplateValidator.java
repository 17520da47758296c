package io.gantry.console.template;

import io.gantry.console.template.ValidationReport.Danger;
import io.gantry.console.template.ValidationReport.DangerKind;
import io.gantry.console.template.ValidationReport.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place where templates are checked: names, images, ports, references between services and their order,
 * and what is dangerous. Text that still holds a {@code ${...}} placeholder is checked after parameters are applied.
 */
public final class TemplateValidator {

    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern RESTART = Pattern.compile("no|always|unless-stopped|on-failure(:[0-9]+)?");
    /** Docker's reference grammar: [registry[:port]/]path[:tag][@digest], lower-case path components. */
    private static final Pattern IMAGE = Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
            + "(?::[0-9]+)?|\\[[0-9a-fA-F:]+](?::[0-9]+)?)/)?"
            + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,})?");

    private TemplateValidator() {
    }

    public static ValidationReport validate(Template template) {
        List<Problem> problems = new ArrayList<>();
        if (template.name().isBlank()) {
            problems.add(new Problem(null, "name", "The template has no name."));
        }
        if (template.images().isEmpty()) {
            problems.add(new Problem(null, "images", "The template has no services."));
        }
        Set<String> names = new HashSet<>();
        for (TemplateImage image : template.images()) {
            if (!names.add(image.name())) {
                problems.add(new Problem(image.name(), "name", "Service " + quote(image.name())
                        + " appears twice: service names must be unique."));
            }
        }
        for (TemplateImage image : template.images()) {
            checkService(image, names, problems);
        }
        checkHostPorts(template, problems);
        checkCycles(template, problems);
        return new ValidationReport(problems, dangers(template));
    }

    private static void checkService(TemplateImage image, Set<String> names, List<Problem> problems) {
        String s = image.name();
        String who = "Service " + quote(s);
        if (!SERVICE_NAME.matcher(s).matches()) {
            problems.add(new Problem(s, "name", who + ", name: use letters, digits, '.', '_' or '-' (starting with a "
                    + "letter or digit, at most 63)."));
        }
        if (image.image().isBlank()) {
            problems.add(new Problem(s, "source", who + ", source: no image is given."));
        } else if (!hasPlaceholder(image.image()) && !IMAGE.matcher(image.image()).matches()) {
            problems.add(new Problem(s, "source", who + ", source: " + quote(image.image())
                    + " is not a valid image reference (like mariadb:11 or registry.example.com/team/app:1.0)."));
        }
        for (PortMapping port : image.ports()) {
            checkPort(who, s, "container port", port.containerPort(), problems);
            if (port.hostPort() != null) {
                checkPort(who, s, "host port", port.hostPort(), problems);
            }
        }
        for (String expose : image.expose()) {
            checkPort(who, s, "exposed port", expose, problems);
        }
        for (EnvVar env : image.environment()) {
            if (!VARIABLE.matcher(env.name()).matches()) {
                problems.add(new Problem(s, "environment", who + ", environment: " + quote(env.name())
                        + " is not a valid variable name."));
            }
        }
        for (VolumeMount volume : image.volumes()) {
            if (!volume.target().startsWith("/") && !hasPlaceholder(volume.target())) {
                problems.add(new Problem(s, "volumes", who + ", volumes: the container path " + quote(volume.target())
                        + " must be absolute."));
            }
        }
        for (ServiceLink link : image.links()) {
            checkTarget(who, s, "links", link.service(), names, problems);
            if (!ALIAS.matcher(link.alias()).matches()) {
                problems.add(new Problem(s, "links", who + ", links: the alias " + quote(link.alias())
                        + " is not a valid host name."));
            }
        }
        image.volumesFrom().forEach(t -> checkTarget(who, s, "volumes_from", t, names, problems));
        image.dependsOn().forEach(t -> checkTarget(who, s, "depends_on", t, names, problems));
        if (image.restart() != null && !RESTART.matcher(image.restart()).matches()) {
            problems.add(new Problem(s, "restart", who + ", restart: " + quote(image.restart())
                    + " is not a restart policy (no, always, unless-stopped, on-failure[:N])."));
        }
        if (image.deploymentCount() != null && image.deploymentCount() < 1) {
            problems.add(new Problem(s, "deployment.count", who + ", deployment.count: must be at least 1."));
        }
    }

    private static void checkPort(String who, String s, String what, String port, List<Problem> problems) {
        if (hasPlaceholder(port)) {
            return;
        }
        Optional<Integer> number = PortMapping.number(port);
        if (number.isEmpty()) {
            problems.add(new Problem(s, "ports", who + ", ports: the " + what + " " + quote(port) + " is not a number."));
        } else if (number.get() < 1 || number.get() > 65535) {
            problems.add(new Problem(s, "ports", who + ", ports: the " + what + " " + number.get()
                    + " is out of range (1-65535)."));
        }
    }

    private static void checkTarget(String who, String s, String field, String target, Set<String> names,
                                    List<Problem> problems) {
        if (target.equals(s)) {
            problems.add(new Problem(s, field, who + ", " + field + ": a service cannot refer to itself."));
        } else if (!names.contains(target)) {
            problems.add(new Problem(s, field, who + ", " + field + ": " + quote(target)
                    + " is not a service of this template."));
        }
    }

    private static void checkHostPorts(Template template, List<Problem> problems) {
        Map<String, String> publishedBy = new HashMap<>();
        for (TemplateImage image : template.images()) {
            for (PortMapping port : image.ports()) {
                if (port.hostPort() == null || hasPlaceholder(port.hostPort())) {
                    continue;
                }
                String key = port.hostPortNumber().map(String::valueOf).orElse(port.hostPort()) + "/"
                        + port.protocol();
                String owner = publishedBy.putIfAbsent(key, image.name());
                if (owner != null) {
                    problems.add(new Problem(image.name(), "ports", "Service " + quote(image.name())
                            + ", ports: host port " + key + " is already published by "
                            + (owner.equals(image.name()) ? "this service" : "service " + quote(owner)) + "."));
                }
            }
        }
    }

    /** Links, depends_on and volumes_from decide the start order, so together they must not form a cycle. */
    private static void checkCycles(Template template, List<Problem> problems) {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (TemplateImage image : template.images()) {
            Set<String> targets = new LinkedHashSet<>();
            image.links().forEach(l -> targets.add(l.service()));
            targets.addAll(image.dependsOn());
            targets.addAll(image.volumesFrom());
            targets.remove(image.name());
            needs.merge(image.name(), targets, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        Set<String> done = new HashSet<>();
        for (String start : needs.keySet()) {
            List<String> cycle = findCycle(start, needs, new ArrayList<>(), done);
            if (cycle != null) {
                problems.add(new Problem(cycle.get(0), "links", "Services " + String.join(" -> ", cycle)
                        + " depend on each other in a cycle (through links, depends_on or volumes_from), so none "
                        + "can start first."));
                return;
            }
        }
    }

    private static @Nullable List<String> findCycle(String at, Map<String, Set<String>> needs, List<String> path,
                                                    Set<String> done) {
        int seen = path.indexOf(at);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(at);
            return cycle;
        }
        if (done.contains(at) || !needs.containsKey(at)) {
            return null;
        }
        path.add(at);
        for (String next : needs.get(at)) {
            List<String> cycle = findCycle(next, needs, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(at);
        return null;
    }

    private static List<Danger> dangers(Template template) {
        List<Danger> dangers = new ArrayList<>();
        for (TemplateImage image : template.images()) {
            String who = "Service " + quote(image.name());
            for (VolumeMount volume : image.volumes()) {
                if (volume.isHostPath()) {
                    dangers.add(new Danger(image.name(), DangerKind.HOST_PATH, who + " mounts the host's "
                            + volume.source() + " at " + volume.target() + (volume.readOnly() ? " (read-only)" : "")
                            + ": it can read" + (volume.readOnly() ? "" : " and change") + " those host files."));
                }
            }
            if (image.privileged()) {
                dangers.add(new Danger(image.name(), DangerKind.PRIVILEGED, who
                        + " runs privileged: it has full control of the host."));
            }
            if (!image.capAdd().isEmpty()) {
                dangers.add(new Danger(image.name(), DangerKind.CAPABILITIES, who + " asks for the extra capabilities "
                        + String.join(", ", image.capAdd()) + "."));
            }
            if ("host".equals(image.networkMode())) {
                dangers.add(new Danger(image.name(), DangerKind.HOST_NETWORK, who
                        + " uses the host's network: it can reach and serve every host interface."));
            }
        }
        return dangers;
    }

    private static boolean hasPlaceholder(String text) {
        return !Placeholders.find(text).isEmpty();
    }

    private static String quote(String text) {
        return "'" + YamlValues.abbreviate(text) + "'";
    }
}
