package io.gantry.core.container;

import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.snapshot.ChainId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where containers get their images from: the local image store, never a registry (pulling is the user's call). */
public interface ImageSource {

    /** The local image a reference names (a tag, a digest, or an image ID or its prefix), if there is one. */
    Optional<LocalImage> find(String reference);

    /**
     * A local image, ready to run.
     *
     * @param id                {@code sha256:} of its config
     * @param layers            its layers' chain IDs, base first, all unpacked in the snapshotter
     * @param layerDirsTopFirst the unpacked layer directories, topmost first, to read files such as {@code /etc/passwd}
     */
    record LocalImage(String id, ImageConfig.@Nullable ContainerConfig config, List<ChainId> layers,
            List<Path> layerDirsTopFirst) {

        public LocalImage {
            layers = List.copyOf(layers);
            layerDirsTopFirst = List.copyOf(layerDirsTopFirst);
        }
    }
}
