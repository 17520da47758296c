package io.gantry.console.metrics;

/** The dashboard's counts of what the engine holds and the console manages. */
public record DashboardCounts(int applications, int containersRunning, int containersStopped, int images, int volumes,
        int networks) {
}
