package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A volume as {@code GET /volumes} and {@code GET /volumes/{name}} describe it. */
public record VolumeResource(
        @JsonProperty("Name") String name,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Mountpoint") String mountpoint,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Scope") String scope,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("UsageData") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UsageData usageData) {

    /** Bytes in the volume and how many containers use it: only in {@code system/df}. */
    public record UsageData(@JsonProperty("Size") long size, @JsonProperty("RefCount") long refCount) {
    }
}
