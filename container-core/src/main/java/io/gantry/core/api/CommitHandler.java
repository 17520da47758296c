package io.gantry.core.api;

import io.gantry.core.api.types.IdResponse;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.images.Image;
import io.gantry.core.images.ImageService;
import io.gantry.core.images.NewImage;
import java.util.List;

/** {@code POST /commit}: a container's changes become a new image on top of the one it was made from. */
final class CommitHandler {

    private final ContainerService containers;
    private final ImageService images;

    CommitHandler(ContainerService containers, ImageService images) {
        this.containers = containers;
        this.images = images;
    }

    void register(Router router) {
        router.add("POST", "/commit", (rq, rs, p) -> {
            String container = rq.query("container").filter(c -> !c.isBlank())
                    .orElseThrow(() -> new ApiException(400, "container is required"));
            ContainerView view = containers.inspect(container);
            String repo = rq.query("repo").orElse("");
            String tag = rq.query("tag").filter(t -> !t.isBlank()).orElse("latest");
            List<String> changes = rq.query().getOrDefault("changes", List.of()).stream()
                    .flatMap(c -> c.lines()).filter(c -> !c.isBlank()).toList();
            NewImage how = new NewImage(repo.isBlank() ? null : repo + ":" + tag, rq.query("author").orElse(""),
                    rq.query("comment").orElse(""), changes);
            Image image = images.commit(containers.changesDir(view.id()), view.metadata().imageId(), how);
            rs.json(201, new IdResponse(image.id().toString()));
        });
    }
}
