package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /containers/{id}/json}. */
public record ContainerInspect(
        @JsonProperty("Id") String id,
        @JsonProperty("Created") String created,
        @JsonProperty("Path") String path,
        @JsonProperty("Args") List<String> args,
        @JsonProperty("State") State state,
        @JsonProperty("Image") String image,
        @JsonProperty("Name") String name,
        @JsonProperty("RestartCount") int restartCount,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Platform") String platform,
        @JsonProperty("LogPath") String logPath,
        @JsonProperty("HostConfig") HostConfig hostConfig,
        @JsonProperty("Config") ContainerConfig config,
        @JsonProperty("NetworkSettings") NetworkSettings networkSettings,
        @JsonProperty("Mounts") List<MountPoint> mounts) {

    public record State(
            @JsonProperty("Status") String status,
            @JsonProperty("Running") boolean running,
            @JsonProperty("Paused") boolean paused,
            @JsonProperty("Restarting") boolean restarting,
            @JsonProperty("OOMKilled") boolean oomKilled,
            @JsonProperty("Dead") boolean dead,
            @JsonProperty("Pid") long pid,
            @JsonProperty("ExitCode") int exitCode,
            @JsonProperty("Error") String error,
            @JsonProperty("StartedAt") String startedAt,
            @JsonProperty("FinishedAt") String finishedAt) {
    }

    public record NetworkSettings(
            @JsonProperty("Ports") Map<String, @Nullable List<HostConfig.PortBinding>> ports,
            @JsonProperty("Networks") Map<String, ContainerCreateRequest.EndpointSettings> networks,
            @JsonProperty("IPAddress") String ipAddress,
            @JsonProperty("Gateway") String gateway,
            @JsonProperty("SandboxKey") String sandboxKey) {
    }
}
