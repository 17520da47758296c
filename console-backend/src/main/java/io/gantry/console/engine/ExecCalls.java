package io.gantry.console.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * Processes started in running containers, attaching to a container's own terminal, and the container figures
 * ({@code docker stats}) and snapshots ({@code docker commit}) that go with working inside one.
 */
public interface ExecCalls {

    /**
     * Creates (does not start) {@code command} in the running container, with a terminal when {@code tty} and
     * {@code environment} ({@code NAME=value}) added to the container's; its id.
     */
    String createExec(String container, List<String> command, List<String> environment, boolean tty);

    /**
     * Starts an exec attached: the returned stream carries its stdin in and its output out (the terminal's bytes as
     * they are with a tty) until the process ends or the stream is closed, which closes its stdin.
     */
    TerminalStream startExec(String execId);

    /** Sets the terminal size of an exec started with a tty. */
    void resizeExec(String execId, int rows, int cols);

    /** Whether the exec still runs, and its exit code once it ended. */
    ExecStatus inspectExec(String execId);

    /**
     * Attaches to a container's main process (stdin, stdout, stderr): a container made with a tty and an open stdin
     * is a terminal to type into. Closing the stream detaches; the container runs on.
     */
    TerminalStream attachContainer(String container);

    /** Sets the terminal size of a container made with a tty. */
    void resizeContainer(String container, int rows, int cols);

    /**
     * Follows the container's figures, about one a second, each handed to {@code listener} on a thread of the
     * stream's own until the handle is closed or the container stops ({@code onEnd} then runs, once).
     */
    EngineClient.EventSubscription followStats(String container, Consumer<StatsReading> listener, Runnable onEnd);

    /** Saves the container's file changes as a new image tagged {@code repo:tag}; the image's id. */
    String commitContainer(String container, String repo, String tag, String comment, String author);

    /** @param exitCode null while it runs */
    record ExecStatus(String id, boolean running, @org.jspecify.annotations.Nullable Integer exitCode) {
    }
}
