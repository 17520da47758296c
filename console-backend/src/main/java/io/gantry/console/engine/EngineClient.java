package io.gantry.console.engine;

import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.api.types.SystemVersion;

/** Typed calls of the Engine API. Failures arrive as {@link EngineCallException} or {@link EngineUnreachableException}. */
public interface EngineClient {

    /** The API version in use: the lower of the client's newest and the engine's, negotiated on first use. */
    String apiVersion();

    SystemVersion version();

    SystemInfo info();
}
