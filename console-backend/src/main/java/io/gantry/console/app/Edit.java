package io.gantry.console.app;

import java.util.Objects;

/** One change a user makes to an application's services. */
public sealed interface Edit {

    /**
     * Replaces the service named {@code service} by {@code edited}, which may carry a new name (the others' links,
     * depends_on and volumes_from follow the rename). The container id of {@code edited} is ignored.
     */
    record Change(String service, AppService edited) implements Edit {
        public Change {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(edited, "edited");
        }
    }

    /** Adds a service. */
    record Add(AppService service) implements Edit {
        public Add {
            Objects.requireNonNull(service, "service");
        }
    }

    /**
     * Removes a service that no other service needs.
     *
     * @param deleteVolumes also delete its volumes (those no remaining service mounts); otherwise they are kept
     */
    record Remove(String service, boolean deleteVolumes) implements Edit {
        public Remove {
            Objects.requireNonNull(service, "service");
        }
    }
}
