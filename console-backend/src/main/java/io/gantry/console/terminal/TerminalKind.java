package io.gantry.console.terminal;

/** What a terminal is connected to. */
public enum TerminalKind {
    /** A new shell in the running container ({@code docker exec -it <c> sh}); it ends when the terminal closes. */
    SHELL,
    /** The container's main process, made with a tty ({@code docker attach}); closing the terminal detaches. */
    ATTACH
}
