package io.gantry.core.engine;

import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.content.Digest;
import io.gantry.core.images.ImageUsers;
import io.gantry.core.snapshot.ChainId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** What the engine's containers hold on to: the images they were made from and the layers they stack on. */
final class ContainerImageUsers implements ImageUsers {

    private final Supplier<ContainerService> containers;

    ContainerImageUsers(Supplier<ContainerService> containers) {
        this.containers = containers;
    }

    private List<ContainerView> all() {
        ContainerService service = containers.get();
        return service == null ? List.of() : service.list();
    }

    @Override
    public Set<Digest> images() {
        Set<Digest> ids = new HashSet<>();
        all().forEach(v -> ids.add(Digest.parse(v.metadata().imageId())));
        return ids;
    }

    @Override
    public Set<ChainId> layers() {
        Set<ChainId> layers = new HashSet<>();
        all().forEach(v -> layers.addAll(v.runtime().spec().layers()));
        return layers;
    }
}
