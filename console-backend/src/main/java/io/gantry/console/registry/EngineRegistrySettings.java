package io.gantry.console.registry;

import java.util.List;

/**
 * What the engine itself is set up with for registries (its {@code /info}): shown by the console, changed only in
 * the engine's own settings ({@code ./gantry up --registry-mirror}, Docker's {@code daemon.json}).
 *
 * @param mirrors  the mirrors of Docker Hub, in the order they are tried
 * @param insecure the registries (or address ranges) the engine reaches over plain HTTP or without checking TLS
 */
public record EngineRegistrySettings(List<String> mirrors, List<String> insecure) {

    public EngineRegistrySettings {
        mirrors = List.copyOf(mirrors);
        insecure = List.copyOf(insecure);
    }
}
