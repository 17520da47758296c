package io.gantry.core.runtime;

import java.util.EnumSet;
import java.util.Set;

/** Where a container is in its life, with the transitions the runtime allows. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, EXITED, DEAD;

    public Set<ContainerState> allowedNext() {
        return switch (this) {
            case CREATED -> EnumSet.of(RUNNING, EXITED, DEAD);
            case RUNNING -> EnumSet.of(PAUSED, EXITED, DEAD);
            case PAUSED -> EnumSet.of(RUNNING, EXITED, DEAD);
            case EXITED -> EnumSet.of(RUNNING, DEAD);
            case DEAD -> EnumSet.noneOf(ContainerState.class);
        };
    }

    public boolean canMoveTo(ContainerState next) {
        return allowedNext().contains(next);
    }
}
