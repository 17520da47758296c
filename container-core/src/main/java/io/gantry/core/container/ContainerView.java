package io.gantry.core.container;

import io.gantry.core.runtime.ContainerRecord;

/** A container as the API shows it: what was asked for, and where it is in its life. */
public record ContainerView(ContainerMetadata metadata, ContainerRecord runtime) {

    public String id() {
        return metadata.id();
    }

    public String name() {
        return metadata.name();
    }
}
