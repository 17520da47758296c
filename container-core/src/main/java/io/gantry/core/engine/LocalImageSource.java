package io.gantry.core.engine;

import io.gantry.core.container.ImageSource;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.images.Image;
import io.gantry.core.images.ImageService;
import io.gantry.core.snapshot.ChainId;
import io.gantry.core.snapshot.Snapshotter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Containers' images come from the local image store, with their unpacked layers from the shared snapshotter. */
final class LocalImageSource implements ImageSource {

    private final ImageService images;
    private final Snapshotter snapshots;

    LocalImageSource(ImageService images, Snapshotter snapshots) {
        this.images = images;
        this.snapshots = snapshots;
    }

    @Override
    public Optional<LocalImage> find(String reference) {
        Image image;
        try {
            image = images.inspect(reference);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<Path> topFirst = new ArrayList<>();
        for (ChainId layer : image.layers()) {
            topFirst.add(snapshots.layerPath(layer));
        }
        Collections.reverse(topFirst);
        return Optional.of(new LocalImage(image.id().toString(), image.containerConfig(), image.layers(), topFirst));
    }
}
