package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code X-Docker-Container-Path-Stat} header of {@code HEAD/GET /containers/{id}/archive}, base64 of this JSON.
 *
 * @param mode  Go's {@code os.FileMode} bits (type and special bits above the permissions)
 * @param mtime RFC 3339 with nanoseconds
 */
public record ContainerPathStat(@JsonProperty("name") String name, @JsonProperty("size") long size,
        @JsonProperty("mode") long mode, @JsonProperty("mtime") String mtime,
        @JsonProperty("linkTarget") String linkTarget) {
}
