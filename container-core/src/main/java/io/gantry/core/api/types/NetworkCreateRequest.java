package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /networks/create} (the fields this engine honours; the rest are accepted and ignored).
 * {@code CheckDuplicate} asks an engine before API 1.44 to refuse a name in use; Gantry always does, as Docker 25 does.
 */
public record NetworkCreateRequest(
        @JsonProperty("Name") @Nullable String name,
        @JsonProperty("Driver") @Nullable String driver,
        @JsonProperty("IPAM") @Nullable Ipam ipam,
        @JsonProperty("Internal") boolean internal,
        @JsonProperty("EnableIPv6") @Nullable Boolean enableIpv6,
        @JsonProperty("Labels") @Nullable Map<String, String> labels,
        @JsonProperty("CheckDuplicate") boolean checkDuplicate) {

    public record Ipam(@JsonProperty("Driver") @Nullable String driver,
            @JsonProperty("Config") @Nullable List<Map<String, String>> config) {
    }
}
