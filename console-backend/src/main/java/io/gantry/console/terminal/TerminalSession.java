package io.gantry.console.terminal;

/** An open terminal: what the user types goes in; output arrives on the listener given when it was opened. */
public interface TerminalSession extends AutoCloseable {

    /** Sends keystrokes (or pasted text) to the process. */
    void type(byte[] input);

    /** Sets the terminal's size, as the browser's terminal has it. */
    void resize(int rows, int cols);

    /**
     * Hangs up: a shell is interrupted and sees end of input, so it exits; an attached container runs on. The
     * engine connection is closed either way. Closing twice does nothing more.
     */
    @Override
    void close();

    /** The exec's id for a shell; empty for an attached container. */
    String execId();
}
