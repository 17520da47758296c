package io.gantry.core.api;

import io.gantry.core.api.types.ContainerSummary;
import io.gantry.core.api.types.ImageSummary;
import io.gantry.core.api.types.VolumeResource;
import io.gantry.core.container.ContainerService;
import io.gantry.core.container.ContainerView;
import io.gantry.core.container.DiskUsage;
import io.gantry.core.images.Image;
import io.gantry.core.images.ImageService;
import io.gantry.core.volume.Volume;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /system/df} ({@code docker system df}): images with their shared and unique sizes and how many containers
 * use them, containers with the bytes they wrote ({@code SizeRw}), volumes with their size and users, and an empty
 * build cache (this engine builds nothing). {@code type} (API 1.42) limits the answer to some of these.
 */
final class DiskUsageHandler {

    private static final Set<String> TYPES = Set.of("container", "image", "volume", "build-cache");

    private final Optional<ContainerService> containers;
    private final Optional<ImageService> images;
    private final Clock clock;

    DiskUsageHandler(Optional<ContainerService> containers, Optional<ImageService> images, Clock clock) {
        this.containers = containers;
        this.images = images;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/system/df", (rq, rs, p) -> diskUsage(rq, rs));
    }

    private void diskUsage(HttpRequest request, HttpResponse response) throws IOException {
        List<String> types = request.query().getOrDefault("type", List.of());
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw new ApiException(400, "type=" + type + " is invalid");
            }
        }
        List<ContainerView> views = containers.map(ContainerService::list).orElse(List.of());
        List<Image> all = images.map(ImageService::list).orElse(List.of());
        Map<String, Object> usage = new LinkedHashMap<>();
        if (wanted(types, "image")) {
            usage.put("LayersSize", images.map(ImageService::layersSize).orElse(0L));
            usage.put("Images", images(all, views, request.version()));
        }
        if (wanted(types, "container")) {
            usage.put("Containers", containers(views, all));
        }
        if (wanted(types, "volume")) {
            usage.put("Volumes", volumes());
        }
        if (wanted(types, "build-cache")) {
            usage.put("BuildCache", List.of());
        }
        response.json(200, usage);
    }

    private static boolean wanted(List<String> types, String type) {
        return types.isEmpty() || types.contains(type);
    }

    private static List<ImageSummary> images(List<Image> all, List<ContainerView> views, ApiVersion version) {
        Map<String, Integer> users = new HashMap<>();
        views.forEach(v -> users.merge(v.metadata().imageId(), 1, Integer::sum));
        return all.stream().map(image -> ImagesHandler.summary(image, image.sharedSize(),
                users.getOrDefault(image.id().toString(), 0), version)).toList();
    }

    private List<ContainerSummary> containers(List<ContainerView> views, List<Image> all) {
        Map<String, Long> imageSizes = new HashMap<>();
        all.forEach(image -> imageSizes.put(image.id().toString(), image.size()));
        Instant now = clock.instant();
        List<ContainerSummary> result = new ArrayList<>();
        for (ContainerView view : views) {
            long rw = containers.get().sizeRw(view.id());
            result.add(ContainerTranslator.summary(view, now)
                    .withSizes(rw, rw + imageSizes.getOrDefault(view.metadata().imageId(), 0L)));
        }
        return result;
    }

    private List<VolumeResource> volumes() {
        List<VolumeResource> result = new ArrayList<>();
        for (Volume v : containers.flatMap(ContainerService::volumes).map(s -> s.list()).orElse(List.of())) {
            VolumeResource plain = VolumesHandler.resource(v);
            result.add(new VolumeResource(plain.name(), plain.driver(), plain.mountpoint(), plain.createdAt(),
                    plain.labels(), plain.scope(), plain.options(),
                    new VolumeResource.UsageData(DiskUsage.of(Path.of(v.mountpoint())), v.users().size())));
        }
        return result;
    }
}
