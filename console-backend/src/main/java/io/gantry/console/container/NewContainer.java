package io.gantry.console.container;

import io.gantry.console.app.ServicePort;
import io.gantry.console.app.VolumeBinding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The "New container" form: Docker's {@code run} without a CLI.
 *
 * @param image         a reference such as {@code busybox:latest}; pulled first when the engine does not have it
 * @param name          null or blank lets the engine choose
 * @param command       a shell-style line ({@code sh -c 'echo hi'}); blank keeps the image's
 * @param environment   {@code NAME=value} entries
 * @param ports         published ports ({@link RunSyntax#port})
 * @param volumes       named volumes and host directories ({@link RunSyntax#volume})
 * @param restartPolicy {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure}
 * @param memoryMib     memory limit in MiB, 0 for none
 * @param cpus          CPU limit (1.5 = one and a half CPUs), 0 for none
 * @param terminal      give the main process a terminal and an open stdin ({@code docker run -it}), to attach to
 */
public record NewContainer(String image, @Nullable String name, String command, List<String> environment,
        List<ServicePort> ports, List<VolumeBinding> volumes, String restartPolicy, long memoryMib, double cpus,
        boolean terminal) {

    public static final List<String> RESTART_POLICIES = List.of("no", "always", "unless-stopped", "on-failure");

    public NewContainer {
        if (image.isBlank()) {
            throw new InvalidContainerException("an image is required");
        }
        if (!RESTART_POLICIES.contains(restartPolicy)) {
            throw new InvalidContainerException("unknown restart policy " + restartPolicy);
        }
        if (memoryMib < 0 || cpus < 0) {
            throw new InvalidContainerException("limits cannot be negative");
        }
        for (String entry : environment) {
            if (entry.indexOf('=') < 1) {
                throw new InvalidContainerException("environment entries are NAME=value, not " + entry);
            }
        }
        environment = List.copyOf(environment);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
    }

    /** Without ports, volumes or a terminal, as the form's first version made them. */
    public NewContainer(String image, @Nullable String name, String command, List<String> environment,
            String restartPolicy, long memoryMib, double cpus) {
        this(image, name, command, environment, List.of(), List.of(), restartPolicy, memoryMib, cpus, false);
    }
}
