package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /containers/{id}/exec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecConfig(
        @JsonProperty("AttachStdin") boolean attachStdin,
        @JsonProperty("AttachStdout") boolean attachStdout,
        @JsonProperty("AttachStderr") boolean attachStderr,
        @JsonProperty("Tty") boolean tty,
        @JsonProperty("Cmd") @Nullable List<String> cmd,
        @JsonProperty("Env") @Nullable List<String> env,
        @JsonProperty("WorkingDir") @Nullable String workingDir,
        @JsonProperty("User") @Nullable String user,
        @JsonProperty("Privileged") boolean privileged,
        @JsonProperty("DetachKeys") @Nullable String detachKeys) {
}
