package io.gantry.console.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An application's state at a glance, from the status of each of its services.
 *
 * @param up        how many services are up (running or paused)
 * @param total     how many services it has
 * @param attention a sentence per service that needs a look: missing, restarting, or exited with an error code
 */
public record ApplicationSummary(State state, int up, int total, List<String> attention) {

    public enum State {
        /** Every service is up. */
        RUNNING,
        /** No service is up or restarting; every container exists. */
        STOPPED,
        /** Some services are up and others are not, or one keeps restarting. */
        DEGRADED,
        /** At least one service has no container (removed behind the console's back, or never created). */
        INCOMPLETE
    }

    public ApplicationSummary {
        Objects.requireNonNull(state, "state");
        attention = List.copyOf(attention);
    }

    /** @param statuses service name → status, in the order to report them */
    public static ApplicationSummary of(Map<String, ServiceStatus> statuses) {
        List<String> attention = new ArrayList<>();
        int up = 0;
        boolean missing = false;
        boolean restarting = false;
        for (Map.Entry<String, ServiceStatus> e : statuses.entrySet()) {
            ServiceStatus status = e.getValue();
            up += status.isUp() ? 1 : 0;
            if (status instanceof ServiceStatus.Missing) {
                missing = true;
                attention.add("Service '" + e.getKey() + "' has no container; it can be recreated.");
            } else if (status instanceof ServiceStatus.Restarting) {
                restarting = true;
                attention.add("Service '" + e.getKey() + "' keeps restarting.");
            } else if (status instanceof ServiceStatus.Exited x && x.exitCode() != 0) {
                attention.add("Service '" + e.getKey() + "' exited with code " + x.exitCode() + ".");
            }
        }
        int total = statuses.size();
        State state;
        if (missing) {
            state = State.INCOMPLETE;
        } else if (up == total && !restarting) {
            state = State.RUNNING;
        } else if (up == 0 && !restarting) {
            state = State.STOPPED;
        } else {
            state = State.DEGRADED;
        }
        return new ApplicationSummary(state, up, total, attention);
    }
}
