package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Docker's {@code HostConfig}: what a container gets from the host (binds, ports, limits, security). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostConfig(
        @JsonProperty("Binds") @Nullable List<String> binds,
        @JsonProperty("PortBindings") @Nullable Map<String, List<PortBinding>> portBindings,
        @JsonProperty("PublishAllPorts") boolean publishAllPorts,
        @JsonProperty("RestartPolicy") @Nullable RestartPolicy restartPolicy,
        @JsonProperty("AutoRemove") boolean autoRemove,
        @JsonProperty("NetworkMode") @Nullable String networkMode,
        @JsonProperty("Links") @Nullable List<String> links,
        @JsonProperty("VolumesFrom") @Nullable List<String> volumesFrom,
        @JsonProperty("Mounts") @Nullable List<MountSpec> mounts,
        @JsonProperty("Memory") long memory,
        @JsonProperty("MemorySwap") long memorySwap,
        @JsonProperty("NanoCpus") long nanoCpus,
        @JsonProperty("CpuShares") long cpuShares,
        @JsonProperty("CpusetCpus") @Nullable String cpusetCpus,
        @JsonProperty("PidsLimit") @Nullable Long pidsLimit,
        @JsonProperty("Privileged") boolean privileged,
        @JsonProperty("CapAdd") @Nullable List<String> capAdd,
        @JsonProperty("CapDrop") @Nullable List<String> capDrop,
        @JsonProperty("SecurityOpt") @Nullable List<String> securityOpt,
        @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
        @JsonProperty("Dns") @Nullable List<String> dns,
        @JsonProperty("ExtraHosts") @Nullable List<String> extraHosts,
        @JsonProperty("Ulimits") @Nullable List<Ulimit> ulimits,
        @JsonProperty("ShmSize") long shmSize,
        @JsonProperty("LogConfig") @Nullable LogConfig logConfig) {

    /** {@code HostPort} is a string on the wire; empty {@code HostIp} means every address. */
    public record PortBinding(@JsonProperty("HostIp") @Nullable String hostIp,
            @JsonProperty("HostPort") @Nullable String hostPort) {
    }

    /** {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure} (with a retry count). */
    public record RestartPolicy(@JsonProperty("Name") @Nullable String name,
            @JsonProperty("MaximumRetryCount") int maximumRetryCount) {
    }

    /** {@code --mount type=bind|volume|tmpfs,src=,dst=,readonly}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MountSpec(@JsonProperty("Type") String type, @JsonProperty("Source") @Nullable String source,
            @JsonProperty("Target") String target, @JsonProperty("ReadOnly") boolean readOnly) {
    }

    public record Ulimit(@JsonProperty("Name") String name, @JsonProperty("Soft") long soft,
            @JsonProperty("Hard") long hard) {
    }

    public record LogConfig(@JsonProperty("Type") @Nullable String type,
            @JsonProperty("Config") @Nullable Map<String, String> config) {
    }
}
