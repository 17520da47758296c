package io.gantry.console.app;

import java.util.List;
import java.util.Objects;

/**
 * Whether a service's container on the engine is still the one the console made, as a reconciliation finds it. A
 * closed set: a {@link Missing} or {@link Changed} service can be put right with
 * {@link ApplicationService#recreate(long, String)}.
 */
public sealed interface ServiceDrift {

    InSync IN_SYNC = new InSync();
    Missing MISSING = new Missing();

    /** The recorded container exists, under its name, with the settings the application gives it. */
    record InSync() implements ServiceDrift {
    }

    /** The engine has no container for the service: it was removed behind the console's back, or never created. */
    record Missing() implements ServiceDrift {
    }

    /**
     * The service's container was changed or replaced behind the console's back (with the docker CLI, say).
     *
     * @param containerId the container the engine has under the service's name or recorded id
     * @param differences one sentence per difference, for the page to list
     */
    record Changed(String containerId, List<String> differences) implements ServiceDrift {
        public Changed {
            Objects.requireNonNull(containerId, "containerId");
            differences = List.copyOf(differences);
        }
    }
}
