package io.gantry.core.container;

import io.gantry.core.errors.EngineException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.network.NetworkService;
import io.gantry.core.runtime.ContainerRecord;
import io.gantry.core.runtime.ContainerRuntime;
import io.gantry.core.runtime.ContainerState;
import io.gantry.core.runtime.ExitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a container holds its published ports, as in Docker: from its start to its stop. A container that ended by
 * itself and will not be restarted by its policy holds them no longer: they are taken off the host when another
 * start needs the room, and at engine start, when the ports of every container are made to match whether it runs.
 */
final class PublishedPorts {

    private static final Logger log = LoggerFactory.getLogger(PublishedPorts.class);

    private final ContainerRuntime runtime;

    PublishedPorts(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Before the process starts: publishes the container's ports, or throws why not (nothing published then). */
    void beforeStart(NetworkService network, String id) {
        if (network.attachment(id).isEmpty()) {
            return; // created by an engine without networking
        }
        for (String other : network.publishing()) {
            if (!other.equals(id) && !holdsPorts(other)) {
                network.unpublish(other);
            }
        }
        network.publish(id);
    }

    /** After the container stopped. */
    void afterStop(NetworkService network, String id) {
        network.unpublish(id);
    }

    /** After a start failed: its ports go, unless it runs after all (a concurrent start won). */
    void afterFailedStart(NetworkService network, String id) {
        if (!running(id)) {
            network.unpublish(id);
        }
    }

    /**
     * At engine start: running containers (and those their policy is about to start again, such as {@code always}
     * ones after an engine restart) publish their ports; the others' ports leave the host.
     */
    void reconcile(NetworkService network, Iterable<String> containerIds) {
        for (String id : containerIds) {
            if (network.attachment(id).isEmpty()) {
                continue;
            }
            try {
                if (holdsPorts(id)) {
                    network.publish(id);
                } else {
                    network.unpublish(id);
                }
            } catch (EngineException e) {
                log.warn("published ports of container {}: {}", id, e.getMessage());
            }
        }
    }

    private boolean running(String id) {
        try {
            ContainerState state = runtime.inspect(id).state();
            return state == ContainerState.RUNNING || state == ContainerState.PAUSED;
        } catch (NotFoundException removed) {
            return false;
        }
    }

    private boolean holdsPorts(String id) {
        if (running(id)) {
            return true;
        }
        ContainerRecord r;
        try {
            r = runtime.inspect(id);
        } catch (NotFoundException removed) {
            return false;
        }
        ExitStatus exit = r.exit();
        return exit != null && !r.startedAt().isEmpty()
                && r.spec().restartPolicy().restartsAfterExit(exit.exitCode(), r.restartCount(), r.manuallyStopped());
    }
}
