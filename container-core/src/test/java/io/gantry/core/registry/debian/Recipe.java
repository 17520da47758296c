package io.gantry.core.registry.debian;

import io.gantry.core.image.oci.ImageConfig;
import java.util.List;

/**
 * A Debian test image: debootstrap's minimal bookworm as the base layer, then one layer per stage, then the container
 * defaults.
 */
record Recipe(String name, List<Stage> stages, ImageConfig.ContainerConfig defaults) {

    Recipe {
        stages = List.copyOf(stages);
    }
}
