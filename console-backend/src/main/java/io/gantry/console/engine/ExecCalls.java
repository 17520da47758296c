package io.gantry.console.engine;

import java.util.List;

/** Commands run inside a running container, as {@code docker exec} without a terminal. */
public interface ExecCalls {

    /** What a command printed and how it ended. */
    record ExecResult(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code command} in the running {@code container} to its end; refused (409) when the container does not run. */
    ExecResult exec(String container, List<String> command);
}
