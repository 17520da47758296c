package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One item of {@code GET /containers/json} ({@code docker ps}); the sizes only when asked for. */
public record ContainerSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("Names") List<String> names,
        @JsonProperty("Image") String image,
        @JsonProperty("ImageID") String imageId,
        @JsonProperty("Command") String command,
        @JsonProperty("Created") long created,
        @JsonProperty("Ports") List<Port> ports,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("State") String state,
        @JsonProperty("Status") String status,
        @JsonProperty("HostConfig") Map<String, String> hostConfig,
        @JsonProperty("NetworkSettings") Map<String, Map<String, ContainerCreateRequest.EndpointSettings>> networkSettings,
        @JsonProperty("Mounts") List<MountPoint> mounts,
        @JsonProperty("SizeRw") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long sizeRw,
        @JsonProperty("SizeRootFs") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long sizeRootFs) {

    /** With the sizes {@code size=true} and {@code system/df} report; none written is left out, as Docker does. */
    public ContainerSummary withSizes(long rw, long rootFs) {
        return new ContainerSummary(id, names, image, imageId, command, created, ports, labels, state, status, hostConfig,
                networkSettings, mounts, rw == 0 ? null : rw, rootFs);
    }

    /** A container port, and where it is published if it is. */
    public record Port(@JsonProperty("IP") @Nullable String ip, @JsonProperty("PrivatePort") int privatePort,
            @JsonProperty("PublicPort") @Nullable Integer publicPort, @JsonProperty("Type") String type) {
    }
}
