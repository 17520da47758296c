package io.gantry.core.container;

import io.gantry.core.network.NetworkAttachment;
import io.gantry.core.runtime.ContainerRecord;
import java.util.List;
import java.util.Optional;

/** A container as the API shows it: what was asked for, where it is in its life, and how it is networked. */
public record ContainerView(ContainerMetadata metadata, ContainerRecord runtime, Optional<NetworkAttachment> network) {

    public String id() {
        return metadata.id();
    }

    public String name() {
        return metadata.name();
    }

    /** Its legacy links as {@code docker inspect} shows them in {@code HostConfig.Links}: {@code /target:/name/alias}. */
    public List<String> links() {
        return metadata.request().links().stream().map(l -> LegacyLinks.Spec.parse(l).inspectForm(name())).toList();
    }
}
