package io.gantry.core.container;

/**
 * What the engine keeps about a container beyond what the runtime runs: its name, the image as the user named it and
 * as it was resolved, the request as made, and the process decided from both. Stored beside the runtime's state as
 * {@code containers/<id>/container.json}.
 */
public record ContainerMetadata(String id, String name, String image, String imageId, String created,
        ContainerRequest request, ProcessDefaults.Process process) {
}
