package io.gantry.console.container;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a bulk action: the containers it was done to, and for each one it failed on, the engine's reason.
 * One failure does not stop the others.
 */
public record BulkResult(BulkAction action, List<String> done, Map<String, String> failed) {

    public BulkResult {
        done = List.copyOf(done);
        failed = Map.copyOf(failed);
    }

    /** "2 containers stopped; web: container is not running" — what a notification says. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(done.size()).append(done.size() == 1 ? " container " : " containers ").append(action.done());
        failed.forEach((name, reason) -> text.append("; ").append(name).append(": ").append(reason));
        return text.toString();
    }
}
