package io.gantry.console.app;

import java.util.Locale;

/**
 * How a service's container is doing, from the engine's {@code State.Status} (or its absence). A closed set: the
 * UI shows each case, and {@link ApplicationSummary} sums them up.
 */
public sealed interface ServiceStatus {

    Running RUNNING = new Running();
    Restarting RESTARTING = new Restarting();
    Paused PAUSED = new Paused();
    Created CREATED = new Created();
    Missing MISSING = new Missing();

    /** Whether the service's process is up (running, or paused with its state in memory). */
    default boolean isUp() {
        return this instanceof Running || this instanceof Paused;
    }

    /** The engine runs it. */
    record Running() implements ServiceStatus {
    }

    /** The engine is restarting it after it stopped, by its restart policy. */
    record Restarting() implements ServiceStatus {
    }

    /** Frozen by a pause. */
    record Paused() implements ServiceStatus {
    }

    /** Created but never started. */
    record Created() implements ServiceStatus {
    }

    /** It ran and stopped with this exit code (also a container the engine reports dead). */
    record Exited(int exitCode) implements ServiceStatus {
    }

    /** The console knows no container for it, or the engine has none by that id: it can be recreated. */
    record Missing() implements ServiceStatus {
    }

    /**
     * Reads the engine's {@code State.Status}: {@code created}, {@code running}, {@code paused}, {@code restarting},
     * {@code removing}, {@code exited} or {@code dead}. A container being removed counts as missing.
     *
     * @throws IllegalArgumentException for another status
     */
    static ServiceStatus fromEngine(String status, int exitCode) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "running" -> RUNNING;
            case "restarting" -> RESTARTING;
            case "paused" -> PAUSED;
            case "created" -> CREATED;
            case "exited", "dead" -> new Exited(exitCode);
            case "removing" -> MISSING;
            default -> throw new IllegalArgumentException("not a container status: " + status);
        };
    }
}
