package io.gantry.console.app;

import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineClient;
import io.gantry.core.api.types.ContainerInspect;
import java.util.Optional;

/** Engine calls whose "not found" answer is an outcome rather than an error. */
final class EngineObjects {

    private EngineObjects() {
    }

    /** Runs an inspect: true when the object exists, false when the engine has none by that name. */
    static boolean exists(Runnable inspect) {
        try {
            inspect.run();
            return true;
        } catch (EngineCallException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /** Runs a removal, where an object that is already gone counts as removed. */
    static void ignoringMissing(Runnable removal) {
        exists(removal);
    }

    /** The container by id or name, or empty when the engine has none. */
    static Optional<ContainerInspect> container(EngineClient engine, String reference) {
        try {
            return Optional.of(engine.inspectContainer(reference));
        } catch (EngineCallException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
