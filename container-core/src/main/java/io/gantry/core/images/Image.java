package io.gantry.core.images;

import io.gantry.core.content.Descriptor;
import io.gantry.core.content.Digest;
import io.gantry.core.image.oci.ImageConfig;
import io.gantry.core.snapshot.ChainId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored image, as {@code docker images} lists it and {@code docker image inspect} shows it.
 *
 * @param id          the config digest (Docker's image ID)
 * @param repoTags    tags in Docker's short form ({@code busybox:latest}, {@code 127.0.0.1:5000/app:1})
 * @param repoDigests repository digests in short form ({@code busybox@sha256:…})
 * @param manifest    the platform manifest
 * @param created     the config's creation time, when it has a valid one
 * @param size        bytes of file content in all its layers
 * @param sharedSize  bytes of those layers that other images use too
 * @param layers      its layers' chain IDs, base first: what the runtime stacks ({@code ContainerSpec} layers)
 * @param config      the image config: {@code config.config()} holds Cmd, Entrypoint, Env, WorkingDir, User,
 *                    ExposedPorts, Volumes, Labels, StopSignal; {@code config.rootfs().diffIds()} the DiffIDs
 */
public record Image(Digest id, List<String> repoTags, List<String> repoDigests, Descriptor manifest, @Nullable Instant created,
                    long size, long sharedSize, List<ChainId> layers, ImageConfig config) {

    public Image {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        layers = List.copyOf(layers);
    }

    /** The container defaults; an image without a {@code config} section gets empty ones. */
    public ImageConfig.ContainerConfig containerConfig() {
        ImageConfig.ContainerConfig defaults = config.config();
        return defaults != null ? defaults
                : new ImageConfig.ContainerConfig(null, null, null, null, null, null, null, null, null, null);
    }
}
