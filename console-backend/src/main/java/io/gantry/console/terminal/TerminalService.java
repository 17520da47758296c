package io.gantry.console.terminal;

import io.gantry.console.activity.ActivityService;
import io.gantry.console.activity.Actor;
import io.gantry.console.engine.EngineClient;
import io.gantry.console.engine.TerminalStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Opens terminals into containers. */
@Service
public class TerminalService {

    /** Bash where the image has it (line editing, history), else the POSIX shell every image with a shell has. */
    static final List<String> SHELL = List.of("/bin/sh", "-c",
            "if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi");
    /** The browser's emulator speaks xterm's escape sequences. */
    static final List<String> ENVIRONMENT = List.of("TERM=xterm");

    private final EngineClient engine;
    private final ActivityService activity;

    TerminalService(EngineClient engine, ActivityService activity) {
        this.engine = engine;
        this.activity = activity;
    }

    /**
     * Opens a terminal of {@code rows} × {@code cols} into the container for {@code actor} (recorded in the activity
     * log). Output goes to {@code output} on a thread of the session's own; {@code onEnd} runs once when the process
     * ends or the session is closed.
     */
    public TerminalSession open(Actor actor, String container, String containerName, TerminalKind kind, int rows,
            int cols, Consumer<byte[]> output, Runnable onEnd) {
        String action = "container.terminal";
        String detail = kind.name().toLowerCase(Locale.ROOT);
        try {
            EngineTerminal session = kind == TerminalKind.SHELL ? shell(container) : attach(container);
            session.start(output, onEnd);
            session.resize(rows, cols);
            activity.record(actor, action, containerName, false, detail);
            return session;
        } catch (RuntimeException e) {
            activity.record(actor, action, containerName, true, detail + ": " + e.getMessage());
            throw e;
        }
    }

    private EngineTerminal shell(String container) {
        String exec = engine.createExec(container, SHELL, ENVIRONMENT, true);
        TerminalStream stream = engine.startExec(exec);
        return new EngineTerminal(stream, exec, (rows, cols) -> engine.resizeExec(exec, rows, cols), true);
    }

    private EngineTerminal attach(String container) {
        TerminalStream stream = engine.attachContainer(container);
        return new EngineTerminal(stream, "", (rows, cols) -> engine.resizeContainer(container, rows, cols), false);
    }
}
