package io.gantry.core.image.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An image config ({@code application/vnd.oci.image.config.v1+json} or Docker's equivalent).
 *
 * @param created      RFC 3339 creation time
 * @param author       who made it
 * @param architecture Go's GOARCH
 * @param os           Go's GOOS
 * @param variant      CPU variant
 * @param config       the defaults for containers run from it
 * @param rootfs       the layers' DiffIDs, base first
 * @param history      one entry per build step, empty layers included
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageConfig(@Nullable String created, @Nullable String author, String architecture, String os,
                          @Nullable String variant, @Nullable ContainerConfig config, RootFs rootfs, List<History> history) {

    public ImageConfig {
        architecture = architecture == null ? "" : architecture;
        os = os == null ? "" : os;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * Container defaults; field names are Docker's capitalised ones.
     *
     * @param user         user[:group]
     * @param exposedPorts {@code {"80/tcp":{}}}
     * @param env          {@code K=V} entries
     * @param entrypoint   entrypoint argv
     * @param cmd          default arguments
     * @param volumes      {@code {"/data":{}}}
     * @param workingDir   working directory
     * @param labels       labels
     * @param stopSignal   e.g. {@code SIGTERM}
     * @param healthcheck  Docker's health check
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ContainerConfig(@JsonProperty("User") @Nullable String user,
                                  @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
                                  @JsonProperty("Env") List<String> env,
                                  @JsonProperty("Entrypoint") List<String> entrypoint,
                                  @JsonProperty("Cmd") List<String> cmd,
                                  @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
                                  @JsonProperty("WorkingDir") @Nullable String workingDir,
                                  @JsonProperty("Labels") Map<String, String> labels,
                                  @JsonProperty("StopSignal") @Nullable String stopSignal,
                                  @JsonProperty("Healthcheck") @Nullable Healthcheck healthcheck) {

        public ContainerConfig {
            exposedPorts = exposedPorts == null ? Map.of() : Map.copyOf(exposedPorts);
            env = env == null ? List.of() : List.copyOf(env);
            entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
            cmd = cmd == null ? List.of() : List.copyOf(cmd);
            volumes = volumes == null ? Map.of() : Map.copyOf(volumes);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    /**
     * Docker's health check; durations in nanoseconds, 0 meaning inherit or default.
     *
     * @param test          {@code []} inherit, {@code ["NONE"]}, {@code ["CMD", …]} or {@code ["CMD-SHELL", cmd]}
     * @param interval      between checks
     * @param timeout       of one check
     * @param startPeriod   grace period
     * @param startInterval interval during the grace period
     * @param retries       failures before unhealthy
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Healthcheck(@JsonProperty("Test") List<String> test, @JsonProperty("Interval") long interval,
                              @JsonProperty("Timeout") long timeout, @JsonProperty("StartPeriod") long startPeriod,
                              @JsonProperty("StartInterval") long startInterval, @JsonProperty("Retries") int retries) {

        public Healthcheck {
            test = test == null ? List.of() : List.copyOf(test);
        }
    }

    /**
     * The layers' uncompressed digests.
     *
     * @param type    always {@code layers}
     * @param diffIds sha256 of each uncompressed layer tar, base first
     */
    public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {

        public RootFs {
            diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        }
    }

    /**
     * One build step.
     *
     * @param created    when
     * @param createdBy  the command
     * @param author     who
     * @param comment    free text
     * @param emptyLayer true when the step added no layer
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record History(@Nullable String created, @JsonProperty("created_by") @Nullable String createdBy,
                          @Nullable String author, @Nullable String comment,
                          @JsonProperty("empty_layer") boolean emptyLayer) {
    }
}
