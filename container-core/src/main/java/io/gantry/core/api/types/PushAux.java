package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The line dockerd writes into a push's progress stream after each tag's digest line:
 * {@code {"progressDetail":{},"aux":{"Tag":"1","Digest":"sha256:…","Size":528}}}.
 */
public record PushAux(@JsonProperty("progressDetail") Map<String, Long> progressDetail, @JsonProperty("aux") Result aux) {

    /** What was pushed: the tag, the manifest's digest and its size in bytes. */
    public record Result(@JsonProperty("Tag") String tag, @JsonProperty("Digest") String digest, @JsonProperty("Size") long size) {
    }

    public static PushAux of(String tag, String digest, long size) {
        return new PushAux(Map.of(), new Result(tag, digest, size));
    }
}
