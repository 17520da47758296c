package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A container's configuration as Docker's {@code Config}: the top level of {@code POST /containers/create} and the
 * {@code Config} of an inspect. Null means "not given": take the image's value. {@code Cmd} and {@code Entrypoint} may
 * also be sent as one string, which Docker reads as a one-element list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerConfig(
        @JsonProperty("Hostname") @Nullable String hostname,
        @JsonProperty("Domainname") @Nullable String domainname,
        @JsonProperty("User") @Nullable String user,
        @JsonProperty("AttachStdin") boolean attachStdin,
        @JsonProperty("AttachStdout") boolean attachStdout,
        @JsonProperty("AttachStderr") boolean attachStderr,
        @JsonProperty("ExposedPorts") @Nullable Map<String, Map<String, Object>> exposedPorts,
        @JsonProperty("Tty") boolean tty,
        @JsonProperty("OpenStdin") boolean openStdin,
        @JsonProperty("StdinOnce") boolean stdinOnce,
        @JsonProperty("Env") @Nullable List<String> env,
        @JsonProperty("Cmd") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> cmd,
        @JsonProperty("Image") @Nullable String image,
        @JsonProperty("Volumes") @Nullable Map<String, Map<String, Object>> volumes,
        @JsonProperty("WorkingDir") @Nullable String workingDir,
        @JsonProperty("Entrypoint") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Nullable List<String> entrypoint,
        @JsonProperty("Labels") @Nullable Map<String, String> labels,
        @JsonProperty("StopSignal") @Nullable String stopSignal,
        @JsonProperty("StopTimeout") @Nullable Integer stopTimeout) {
}
