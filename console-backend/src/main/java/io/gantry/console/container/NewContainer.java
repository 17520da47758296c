package io.gantry.console.container;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The "New container" form: Docker's {@code run} without a CLI (ports and volumes come with the engine's networking).
 *
 * @param image         a reference such as {@code busybox:latest}; pulled first when the engine does not have it
 * @param name          null or blank lets the engine choose
 * @param command       a shell-style line ({@code sh -c 'echo hi'}); blank keeps the image's
 * @param environment   {@code NAME=value} entries
 * @param restartPolicy {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure}
 * @param memoryMib     memory limit in MiB, 0 for none
 * @param cpus          CPU limit (1.5 = one and a half CPUs), 0 for none
 */
public record NewContainer(String image, @Nullable String name, String command, List<String> environment,
        String restartPolicy, long memoryMib, double cpus) {

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
    }
}
