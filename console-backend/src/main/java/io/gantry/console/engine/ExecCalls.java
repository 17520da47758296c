package io.gantry.console.engine;

import java.util.List;

/**
 * Processes started in running containers ({@code docker exec}, to their end or as a terminal), attaching to a
 * container's own terminal, and snapshots ({@code docker commit}) that go with working inside one.
 */
public interface ExecCalls {

    /** What a command printed and how it ended. */
    record ExecResult(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code command} in the running {@code container} to its end; refused (409) when the container does not run. */
    ExecResult exec(String container, List<String> command);

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

    /** Saves the container's file changes as a new image tagged {@code repo:tag}; the image's id. */
    String commitContainer(String container, String repo, String tag, String comment, String author);

    /** @param exitCode null while it runs */
    record ExecStatus(String id, boolean running, @org.jspecify.annotations.Nullable Integer exitCode) {
    }
}
