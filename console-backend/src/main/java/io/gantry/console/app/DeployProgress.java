package io.gantry.console.app;

import io.gantry.console.image.PullProgress;

/** One step of a deployment, in the order it happens, for the page to show as it goes. */
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

    /** The deployment failed and this object, which it had created, was removed again. */
    record RolledBack(String what) implements DeployProgress {
    }
}
