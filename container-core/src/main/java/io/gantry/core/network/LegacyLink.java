package io.gantry.core.network;

import io.gantry.core.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One {@code docker run --link target:alias}, resolved: everything Docker's legacy links put into the consumer.
 *
 * @param alias          the link alias ({@code db_1}); defaults to the target's name
 * @param targetName     the target container's name without the leading slash
 * @param targetHostname the target's hostname (by default the first 12 hex digits of its ID)
 * @param targetIp       the target's address on the default bridge
 * @param exposedPorts   the target's image {@code ExposedPorts} plus its {@code expose}
 * @param targetEnv      the target's {@code KEY=value} environment
 */
public record LegacyLink(String alias, String targetName, String targetHostname, String targetIp,
                         List<ExposedPort> exposedPorts, List<String> targetEnv) {

    public LegacyLink {
        exposedPorts = List.copyOf(exposedPorts);
        targetEnv = List.copyOf(targetEnv);
        if (alias.isEmpty() || targetName.isEmpty()) {
            throw new InvalidArgumentException("a link needs a target and an alias");
        }
    }

    /** The link to {@code target}'s endpoint on {@code network}, which the consumer is to join. */
    static LegacyLink to(ContainerNet target, Network network, LinkRequest request) {
        Endpoint e = target.endpoints().stream().filter(x -> x.network().equals(network.name())).findFirst()
                .orElseThrow(() -> new InvalidArgumentException("Cannot link to /" + target.name()
                        + ", as it does not belong to " + (network.isDefault() ? "the default network"
                        : "network " + network.name())));
        return new LegacyLink(request.alias(), target.name(), target.hostname(), e.ip(), request.exposedPorts(),
                request.env());
    }

    /**
     * The variables Docker sets in the consumer for this link: {@code ALIAS_PORT} (the lowest port, tcp before udp
     * for the same number), then per port in that order {@code ALIAS_PORT_<n>_<PROTO>} and its {@code _ADDR},
     * {@code _PORT}, {@code _PROTO}, then {@code ALIAS_NAME=/consumer/alias} and {@code ALIAS_ENV_<VAR>} for the
     * target's variables but HOME and PATH. Docker's code also means to add {@code _START}/{@code _END} variables for
     * runs of consecutive ports, but they never appear (its range check compares a port with itself, measured on
     * dockerd 20.10 in LinksDockerParityTest), so neither do they here.
     */
    public List<String> env(String consumerName) {
        String prefix = alias.toUpperCase(Locale.ROOT).replace('-', '_');
        List<ExposedPort> ports = new ArrayList<>(exposedPorts);
        ports.sort(Comparator.comparingInt(ExposedPort::port).thenComparing(p -> p.protocol() != Protocol.TCP));
        List<String> env = new ArrayList<>();
        if (!ports.isEmpty()) {
            env.add(prefix + "_PORT=" + url(ports.get(0)));
        }
        for (ExposedPort p : ports) {
            String pp = prefix + "_PORT_" + p.port() + "_" + p.protocol().name();
            env.add(pp + "=" + url(p));
            env.add(pp + "_ADDR=" + targetIp);
            env.add(pp + "_PORT=" + p.port());
            env.add(pp + "_PROTO=" + p.protocol().wire());
        }
        env.add(prefix + "_NAME=/" + consumerName + "/" + alias);
        for (String kv : targetEnv) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = kv.substring(0, eq);
            if (!name.equals("HOME") && !name.equals("PATH")) {
                env.add(prefix + "_ENV_" + name + "=" + kv.substring(eq + 1));
            }
        }
        return env;
    }

    /** The consumer's {@code /etc/hosts} line: the alias, the target's hostname, and its name when that differs. */
    public String hostsLine() {
        StringBuilder names = new StringBuilder(alias).append(' ').append(targetHostname);
        if (!alias.equals(targetName)) {
            names.append(' ').append(targetName);
        }
        return targetIp + "\t" + names;
    }

    private String url(ExposedPort p) {
        return p.protocol().wire() + "://" + targetIp + ":" + p.port();
    }
}
