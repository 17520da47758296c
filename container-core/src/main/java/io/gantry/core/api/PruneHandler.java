package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ImageDeleteItem;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.container.DiskUsage;
import io.gantry.core.content.Digest;
import io.gantry.core.errors.EngineException;
import io.gantry.core.images.Image;
import io.gantry.core.images.ImageService;
import io.gantry.core.images.RemovedImages;
import io.gantry.core.network.Network;
import io.gantry.core.network.NetworkService;
import io.gantry.core.runtime.ContainerState;
import io.gantry.core.volume.Volume;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The four prunes: stopped containers, unused images (dangling ones unless {@code dangling=false}), unused user
 * networks, unused volumes (anonymous ones unless {@code all=true}, as from API 1.42; every unused one below). Each
 * answers with what it removed and the bytes freed, and skips what became used meanwhile rather than failing.
 */
final class PruneHandler {

    private static final ApiVersion ALL_VOLUMES_BY_DEFAULT_BELOW = new ApiVersion(1, 42);

    private final Optional<ContainerService> containers;
    private final Optional<ImageService> images;
    private final ObjectMapper json;
    private final Clock clock;

    PruneHandler(Optional<ContainerService> containers, Optional<ImageService> images, ObjectMapper json, Clock clock) {
        this.containers = containers;
        this.images = images;
        this.json = json;
        this.clock = clock;
    }

    void register(Router router) {
        containers.ifPresent(c -> router
                .add("POST", "/containers/prune", (rq, rs, p) -> rs.json(200, pruneContainers(c, rq)))
                .add("POST", "/networks/prune", (rq, rs, p) -> rs.json(200, pruneNetworks(c, rq)))
                .add("POST", "/volumes/prune", (rq, rs, p) -> rs.json(200, pruneVolumes(c, rq))));
        images.ifPresent(i -> router.add("POST", "/images/prune", (rq, rs, p) -> rs.json(200, pruneImages(i, rq))));
    }

    private Map<String, Object> pruneContainers(ContainerService service, HttpRequest request) {
        Filters filters = Filters.parse(request, json, Set.of("until", "label", "label!"));
        Optional<Instant> until = filters.until(clock.instant());
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ContainerView view : service.list()) {
            ContainerState state = view.runtime().state();
            boolean stopped = state != ContainerState.RUNNING && state != ContainerState.PAUSED;
            if (stopped && before(Instant.parse(view.metadata().created()), until)
                    && filters.acceptsLabels(view.metadata().request().labels())) {
                long size = service.sizeRw(view.id());
                if (removed(() -> service.remove(view.id(), false))) {
                    deleted.add(view.id());
                    reclaimed += size;
                }
            }
        }
        return result("ContainersDeleted", deleted, reclaimed);
    }

    private Map<String, Object> pruneImages(ImageService service, HttpRequest request) {
        Filters filters = Filters.parse(request, json, Set.of("dangling", "until", "label", "label!"));
        boolean danglingOnly = filters.bool("dangling", true);
        Optional<Instant> until = filters.until(clock.instant());
        Predicate<Image> selected = image -> (image.created() == null || before(image.created(), until))
                && filters.acceptsLabels(image.containerConfig().labels() == null ? Map.of()
                        : image.containerConfig().labels());
        RemovedImages removed = service.prune(!danglingOnly, selected);
        List<ImageDeleteItem> items = new ArrayList<>();
        removed.untagged().forEach(t -> items.add(new ImageDeleteItem(t, null)));
        for (Digest id : removed.deleted()) {
            items.add(new ImageDeleteItem(null, id.toString()));
        }
        return result("ImagesDeleted", items, removed.spaceReclaimed());
    }

    private Map<String, Object> pruneNetworks(ContainerService service, HttpRequest request) {
        Filters filters = Filters.parse(request, json, Set.of("until", "label", "label!"));
        Optional<Instant> until = filters.until(clock.instant());
        List<String> deleted = new ArrayList<>();
        Optional<NetworkService> networks = service.networking();
        for (Network network : networks.map(NetworkService::list).orElse(List.of())) {
            if (!network.isDefault() && networks.get().containersOn(network.name()).isEmpty()
                    && before(Instant.ofEpochMilli(network.createdMillis()), until) && filters.acceptsLabels(Map.of())
                    && removed(() -> networks.get().remove(network.name()))) {
                deleted.add(network.name());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("NetworksDeleted", deleted.isEmpty() ? null : deleted);
        return result;
    }

    private Map<String, Object> pruneVolumes(ContainerService service, HttpRequest request) {
        Filters filters = Filters.parse(request, json, Set.of("label", "label!", "all"));
        boolean all = filters.bool("all", !request.version().atLeast(ALL_VOLUMES_BY_DEFAULT_BELOW));
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        var store = service.volumes();
        for (Volume volume : store.map(v -> v.list()).orElse(List.of())) {
            if (!volume.inUse() && (all || volume.anonymous()) && filters.acceptsLabels(Map.of())) {
                long size = DiskUsage.of(Path.of(volume.mountpoint()));
                if (removed(() -> store.get().remove(volume.name()))) {
                    deleted.add(volume.name());
                    reclaimed += size;
                }
            }
        }
        return result("VolumesDeleted", deleted, reclaimed);
    }

    /** Docker sends {@code null}, not an empty list, when nothing was removed. */
    private static Map<String, Object> result(String key, List<?> deleted, long reclaimed) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(key, deleted.isEmpty() ? null : deleted);
        result.put("SpaceReclaimed", reclaimed);
        return result;
    }

    private static boolean before(Instant created, Optional<Instant> until) {
        return until.map(created::isBefore).orElse(true);
    }

    /** Runs a removal; false when the object became used (or went) since it was listed. */
    private static boolean removed(Runnable removal) {
        try {
            removal.run();
            return true;
        } catch (EngineException nowInUseOrGone) {
            return false;
        }
    }
}
