package io.gantry.core.container;

import io.gantry.core.errors.ConflictException;
import io.gantry.core.errors.NotFoundException;
import io.gantry.core.runtime.ExecHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Docker's two-step exec: one request creates an exec (what to run), another starts it; its exit code stays readable
 * afterwards. Kept in memory, as Docker keeps them: an engine restart forgets finished execs.
 */
final class ExecSessions {

    /** What to run, as created. */
    record Created(String containerId, List<String> command, List<String> env, String workingDir, String user,
            boolean tty, boolean attachStdin, boolean attachStdout, boolean attachStderr) {
    }

    /** An exec and, once started, its process. */
    static final class Session {
        final String id;
        final Created created;
        volatile @Nullable ExecHandle handle;
        volatile @Nullable Integer exitCode;

        Session(String id, Created created) {
            this.id = id;
            this.created = created;
        }

        boolean running() {
            return handle != null && exitCode == null;
        }
    }

    /** Finished execs are forgotten beyond this many, oldest first in practice (map order is arbitrary). */
    private static final int KEPT = 1000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Session create(String id, Created created) {
        if (sessions.size() >= KEPT) {
            sessions.values().removeIf(s -> s.exitCode != null);
        }
        Session session = new Session(id, created);
        sessions.put(id, session);
        return session;
    }

    Session get(String id) {
        Session session = sessions.get(id);
        if (session == null) {
            throw new NotFoundException("No such exec instance: " + id);
        }
        return session;
    }

    /** Starts a created exec once; a second start is a conflict, as in Docker. */
    synchronized ExecHandle start(String id, Function<Created, ExecHandle> launcher) {
        Session session = get(id);
        if (session.handle != null) {
            throw new ConflictException("exec " + id + " has already been started");
        }
        ExecHandle handle = launcher.apply(session.created);
        session.handle = handle;
        return handle;
    }

    void exited(String id, int code) {
        Optional.ofNullable(sessions.get(id)).ifPresent(s -> s.exitCode = code);
    }

    /** Forgets every exec of a removed container. */
    void forget(String containerId) {
        sessions.values().removeIf(s -> s.created.containerId().equals(containerId));
    }
}
