package io.gantry.core.container;

import io.gantry.core.volume.VolumeMount;
import java.util.List;

/**
 * What the engine keeps about a container beyond what the runtime runs: its name, the image as the user named it and
 * as it was resolved, the request as made, and the process decided from both. Stored beside the runtime's state as
 * {@code containers/<id>/container.json}.
 *
 * @param mounts volumes and bind mounts as resolved at create, parents first
 * @param ports  ports to publish while it runs, as asked for ({@code host_ip:host_port:container_port/proto}); host
 *               port 0 where the engine chooses one at each start (the network attachment has the ports as bound)
 */
public record ContainerMetadata(String id, String name, String image, String imageId, String created,
        ContainerRequest request, ProcessDefaults.Process process, List<VolumeMount> mounts, List<String> ports) {

    public ContainerMetadata {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
