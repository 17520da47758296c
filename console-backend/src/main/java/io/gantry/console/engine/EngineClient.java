package io.gantry.console.engine;

import io.gantry.core.api.types.EventMessage;
import io.gantry.core.api.types.SystemInfo;
import io.gantry.core.api.types.SystemVersion;
import java.util.function.Consumer;

/** Typed calls of the Engine API. Failures arrive as {@link EngineCallException} or {@link EngineUnreachableException}. */
public interface EngineClient extends ContainerCalls, ImageCalls, ImageArchiveCalls, NetworkCalls, NetworkAttachCalls, VolumeCalls,
        StatsCalls, ExecCalls {

    /** The API version in use: the lower of the client's newest and the engine's, negotiated on first use. */
    String apiVersion();

    SystemVersion version();

    SystemInfo info();

    /**
     * Follows the engine's events from now on, each handed to {@code listener} on a thread of the subscription's own,
     * until the returned subscription is closed or the engine goes away ({@code onEnd} then runs, once).
     */
    EventSubscription events(Consumer<EventMessage> listener, Runnable onEnd);

    /** A followed stream (events, a log); closing it ends the stream. */
    interface EventSubscription extends AutoCloseable {
        @Override
        void close();
    }
}
