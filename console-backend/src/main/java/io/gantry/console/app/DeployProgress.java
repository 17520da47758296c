package io.gantry.console.app;

import io.gantry.console.image.PullProgress;

/** One step of a deployment or an edit, in the order it happens, for the page to show as it goes. */
public sealed interface DeployProgress {

    /** A step of pulling an image that the engine did not have; layer steps carry sizes for a progress bar. */
    record Pulling(String image, PullProgress step) implements DeployProgress {
    }

    /** The application's network was created. */
    record NetworkCreated(String network) implements DeployProgress {
    }

    /** A named volume was created. */
    record VolumeCreated(String volume) implements DeployProgress {
    }

    /** A service's container was created and started. */
    record ServiceStarted(String service, String containerId) implements DeployProgress {
    }

    /**
     * A service's container was created but not started: an edit recreated a service that was stopped, and leaves it
     * stopped.
     */
    record ServiceCreated(String service, String containerId) implements DeployProgress {
    }

    /** An edit stopped and removed a service's old container (its named volumes stay). */
    record ServiceRemoved(String service, String containerId) implements DeployProgress {
    }

    /** A running service now answers to these names on the application's network; its container was kept. */
    record ServiceRealiased(String service, java.util.List<String> aliases) implements DeployProgress {
        public ServiceRealiased {
            aliases = java.util.List.copyOf(aliases);
        }
    }

    /**
     * The deployment or edit failed and this step was undone: an object it had created was removed again, or a
     * container it had replaced was put back.
     */
    record RolledBack(String what) implements DeployProgress {
    }
}
