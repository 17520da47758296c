package io.gantry.console.app;

import io.gantry.console.template.Parameter;
import io.gantry.console.template.Protocol;
import io.gantry.console.template.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code docker run} command that would create a service's container as the console does, for the service
 * editor's preview. Secret values are masked: the preview is shown in a browser. Link variables are left out; the
 * console computes them, and on a user-defined network Docker's {@code --link} would not.
 */
public final class DockerRunCommand {

    static final String MASK = "••••••••";

    private DockerRunCommand() {
    }

    public static String of(ContainerSettings c) {
        List<String> words = new ArrayList<>(List.of("docker", "run", "-d", "--name", c.name()));
        if (c.onApplicationNetwork()) {
            words.addAll(List.of("--network", c.network()));
            c.networkAliases().stream().filter(a -> !a.equals(c.service()))
                    .forEach(a -> words.addAll(List.of("--network-alias", a)));
        } else {
            words.addAll(List.of("--network", c.network()));
        }
        for (ServicePort p : c.ports()) {
            String host = (p.hostIp() == null ? "" : p.hostIp() + ":") + (p.hostPort() == null ? "" : p.hostPort());
            words.addAll(List.of("-p", (host.isEmpty() ? "" : host + ":") + p.containerPort()
                    + (p.protocol() == Protocol.UDP ? "/udp" : "")));
        }
        for (String entry : c.environment()) {
            String name = entry.substring(0, entry.indexOf('='));
            words.addAll(List.of("-e", Parameter.looksSecret(name) ? name + "=" + MASK : entry));
        }
        c.volumes().forEach(v -> words.addAll(List.of("-v", v.bind())));
        c.volumesFrom().forEach(v -> words.addAll(List.of("--volumes-from", v)));
        if (c.restart() != null) {
            words.addAll(List.of("--restart", c.restart().toString()));
        }
        if (c.memoryBytes() != null) {
            words.addAll(List.of("--memory", Long.toString(c.memoryBytes())));
        }
        if (c.nanoCpus() != null) {
            words.addAll(List.of("--cpus", java.math.BigDecimal.valueOf(c.nanoCpus(), 9).stripTrailingZeros()
                    .toPlainString()));
        }
        if (c.privileged()) {
            words.add("--privileged");
        }
        c.capAdd().forEach(cap -> words.addAll(List.of("--cap-add", cap)));
        if (!c.entrypoint().isEmpty()) {
            words.addAll(List.of("--entrypoint", c.entrypoint().get(0)));
        }
        words.add(c.image());
        if (c.entrypoint().size() > 1) {
            words.addAll(c.entrypoint().subList(1, c.entrypoint().size()));
        }
        words.addAll(c.command());
        return Shell.join(words);
    }
}
