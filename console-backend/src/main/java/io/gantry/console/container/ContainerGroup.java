package io.gantry.console.container;

import java.util.List;

/** Containers of one application, or the standalone ones; the page shows one section per group. */
public record ContainerGroup(String name, List<ContainerRow> containers) {

    public ContainerGroup {
        containers = List.copyOf(containers);
    }
}
