package io.gantry.console.run;

import io.gantry.console.template.EnvVar;
import io.gantry.console.template.PortMapping;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filled-in run form.
 *
 * @param values           parameter values by {@link io.gantry.console.template.Parameter#key()}
 * @param hostPorts        by {@link PortChoice#key()}: the host port to use, blank for one the engine chooses; a port
 *                         not given keeps the template's
 * @param volumeSources    by {@link VolumeChoice#key()}: a volume name or host path, blank for an anonymous volume; a
 *                         volume not given keeps the template's
 * @param addedPorts       for an image run, ports published beside the image's own
 * @param addedEnvironment for an image run, variables set in its container
 * @param command          for an image run, the command as a shell would read it; blank for the image's own
 * @param dangersConfirmed the user confirmed the settings that reach beyond the containers
 */
public record RunRequest(String name, Map<String, String> values, Map<String, String> hostPorts,
                         Map<String, String> volumeSources, List<PortMapping> addedPorts,
                         List<EnvVar> addedEnvironment, String command, boolean dangersConfirmed) {

    public RunRequest {
        Objects.requireNonNull(name, "name");
        values = Map.copyOf(values);
        hostPorts = Map.copyOf(hostPorts);
        volumeSources = Map.copyOf(volumeSources);
        addedPorts = List.copyOf(addedPorts);
        addedEnvironment = List.copyOf(addedEnvironment);
        Objects.requireNonNull(command, "command");
    }

    /** Runs as suggested, with these parameter values. */
    public static RunRequest of(String name, Map<String, String> values) {
        return new RunRequest(name, values, Map.of(), Map.of(), List.of(), List.of(), "", false);
    }

    public RunRequest confirmed() {
        return new RunRequest(name, values, hostPorts, volumeSources, addedPorts, addedEnvironment, command, true);
    }
}
