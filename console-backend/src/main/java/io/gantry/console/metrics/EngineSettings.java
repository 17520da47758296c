package io.gantry.console.metrics;

import java.util.List;

/**
 * The engine the console drives, as its {@code /info} and {@code /version} describe it, for the Settings page.
 * Registry mirrors and insecure registries are the engine's settings; the console only shows them.
 *
 * @param insecureRegistries registries (or CIDR ranges) the engine speaks to without TLS
 */
public record EngineSettings(String url, boolean embedded, String name, String version, String apiVersion,
                             String kernel, String operatingSystem, String architecture, String cgroupVersion,
                             String cgroupDriver, String storageDriver, String dataRoot, List<String> mirrors,
                             List<String> insecureRegistries) {

    public EngineSettings {
        mirrors = List.copyOf(mirrors);
        insecureRegistries = List.copyOf(insecureRegistries);
    }
}
