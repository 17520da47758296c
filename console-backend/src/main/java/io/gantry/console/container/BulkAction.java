package io.gantry.console.container;

/** What the containers page can do to several containers at once. */
public enum BulkAction {
    START("Start", "started"), STOP("Stop", "stopped"), RESTART("Restart", "restarted"), KILL("Kill", "killed"),
    REMOVE("Remove", "removed");

    private final String label;
    private final String done;

    BulkAction(String label, String done) {
        this.label = label;
        this.done = done;
    }

    public String label() {
        return label;
    }

    /** The past participle, for "3 containers stopped". */
    public String done() {
        return done;
    }
}
