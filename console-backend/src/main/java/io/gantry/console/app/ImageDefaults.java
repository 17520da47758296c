package io.gantry.console.app;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a service's image brings itself (from its config, as an engine's image inspect reports it): exposed ports,
 * environment and volumes. The plans use it for link variables and to name the image's volumes; without it they
 * use the template alone.
 *
 * @param exposedPorts Docker keys such as {@code 3306/tcp}
 * @param environment  {@code NAME=value} entries
 * @param volumes      container paths the image declares as volumes
 */
public record ImageDefaults(List<String> exposedPorts, List<String> environment, List<String> volumes) {

    public static final ImageDefaults NONE = new ImageDefaults(List.of(), List.of(), List.of());

    public ImageDefaults {
        exposedPorts = List.copyOf(exposedPorts);
        environment = List.copyOf(environment);
        volumes = List.copyOf(volumes);
    }

    /** A lookup by image reference that knows nothing: plans then use the template alone. */
    public static Function<String, ImageDefaults> none() {
        return image -> NONE;
    }

    /** A lookup from a map of image reference to defaults, {@link #NONE} for other images. */
    public static Function<String, ImageDefaults> of(Map<String, ImageDefaults> byImage) {
        Map<String, ImageDefaults> copy = Map.copyOf(byImage);
        return image -> copy.getOrDefault(image, NONE);
    }
}
