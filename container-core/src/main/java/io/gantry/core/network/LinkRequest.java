package io.gantry.core.network;

import java.util.List;

/**
 * A legacy link as the engine asks for it: the target (an attached container, by name) and what only the engine knows
 * about it; {@link NetworkService} adds the target's address and hostname.
 *
 * @param target       the target container's name
 * @param alias        the alias, or the target's name when none was given
 * @param exposedPorts the target's image {@code ExposedPorts} plus its {@code expose}
 * @param env          the target's {@code KEY=value} environment
 */
public record LinkRequest(String target, String alias, List<ExposedPort> exposedPorts, List<String> env) {

    public LinkRequest {
        exposedPorts = List.copyOf(exposedPorts);
        env = List.copyOf(env);
        alias = alias.isEmpty() ? target : alias;
    }
}
