package io.gantry.core.api.types;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A {@code {"stream": "..."}} line of a JSON message stream ({@code docker load}'s "Loaded image: …"). */
public record StreamMessage(@JsonProperty("stream") String stream) {
}
