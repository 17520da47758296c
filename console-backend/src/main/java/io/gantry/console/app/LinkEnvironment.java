package io.gantry.console.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Docker's legacy link variables, computed by the console so that Panamax templates behave the same on any engine
 * (user-defined networks carry no link variables, on Docker either). For a link to a target under an alias, with
 * the alias upper-cased and other characters than letters, digits and '_' replaced by '_' as the prefix:
 * <ul>
 *   <li>{@code <ALIAS>_NAME=/<consumer container>/<alias>};</li>
 *   <li>{@code <ALIAS>_PORT=<proto>://<addr>:<port>} for the lowest exposed port (tcp before udp on a tie);</li>
 *   <li>per exposed port {@code <ALIAS>_PORT_<port>_<TCP|UDP>=<proto>://<addr>:<port>} and its {@code _ADDR},
 *       {@code _PORT} and {@code _PROTO} parts;</li>
 *   <li>{@code <ALIAS>_ENV_<VAR>=<value>} for each variable of the target, image's and service's, except
 *       {@code HOME} and {@code PATH}, as Docker leaves those out.</li>
 * </ul>
 * <p>The address is the alias itself, a host name, not the target's IP address as Docker wrote it: IP addresses are
 * the engine's business and change whenever a container is recreated, while the alias resolves to the target on the
 * application's network for as long as it exists, so a consumer never holds a stale address. Docker's
 * {@code _START}/{@code _END} variables for port ranges are not written.
 */
final class LinkEnvironment {

    private LinkEnvironment() {
    }

    /** The address variables of one link. */
    static List<String> addressVariables(String consumerContainer, String alias, Set<ExposedPort> exposed) {
        String prefix = prefix(alias);
        List<String> env = new ArrayList<>();
        List<ExposedPort> ports = exposed.stream().sorted(ExposedPort.ORDER).toList();
        if (!ports.isEmpty()) {
            ExposedPort first = ports.get(0);
            env.add(prefix + "_PORT=" + first.url(alias));
        }
        for (ExposedPort p : ports) {
            String key = prefix + "_PORT_" + p.port() + "_" + p.protocol().toUpperCase(Locale.ROOT);
            env.add(key + "=" + p.url(alias));
            env.add(key + "_ADDR=" + alias);
            env.add(key + "_PORT=" + p.port());
            env.add(key + "_PROTO=" + p.protocol());
        }
        env.add(prefix + "_NAME=/" + consumerContainer + "/" + alias);
        return env;
    }

    /** The copies of the target's variables ({@code NAME=value} entries) under the link's alias. */
    static List<String> copiedVariables(String alias, List<String> targetEnvironment) {
        String prefix = prefix(alias);
        List<String> env = new ArrayList<>();
        for (String entry : targetEnvironment) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq);
            if (eq < 0 || name.equals("HOME") || name.equals("PATH")) {
                continue;
            }
            env.add(prefix + "_ENV_" + entry);
        }
        return env;
    }

    static String prefix(String alias) {
        return alias.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /** A port a container exposes, {@code protocol} in lower case as Docker writes it. */
    record ExposedPort(int port, String protocol) {

        static final Comparator<ExposedPort> ORDER = Comparator.comparingInt(ExposedPort::port)
                .thenComparing(p -> p.protocol().equals("tcp") ? 0 : 1).thenComparing(ExposedPort::protocol);

        /** Reads Docker's key, {@code 3306/tcp} or {@code 3306} (tcp). */
        static ExposedPort parse(String key) {
            int slash = key.indexOf('/');
            String number = slash < 0 ? key : key.substring(0, slash);
            String protocol = slash < 0 ? "tcp" : key.substring(slash + 1).toLowerCase(Locale.ROOT);
            return new ExposedPort(Integer.parseInt(number.trim()), protocol);
        }

        String key() {
            return port + "/" + protocol;
        }

        String url(String host) {
            return protocol + "://" + host + ":" + port;
        }
    }
}
