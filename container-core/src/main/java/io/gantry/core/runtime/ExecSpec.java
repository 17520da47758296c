package io.gantry.core.runtime;

import java.util.List;

/**
 * One more process in a running container (Docker's exec). It gets the container's namespaces, cgroups,
 * capabilities, seccomp filter and no_new_privs; Docker's exec options choose the rest.
 *
 * @param command    argv; a first word without {@code /} is looked up in PATH
 * @param env        {@code KEY=value} entries added to the container's environment
 * @param workingDir absolute path inside the container, or empty for the container's
 * @param uid        user ID, or -1 for the container's user (and its groups)
 * @param gid        group ID when {@code uid} is set
 * @param tty        a pty for stdin/stdout (stderr joins stdout), resizable
 */
public record ExecSpec(List<String> command, List<String> env, String workingDir, long uid, long gid, boolean tty) {

    public ExecSpec {
        command = List.copyOf(command);
        env = List.copyOf(env);
        if (command.isEmpty() || command.get(0).isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
        if (!workingDir.isEmpty() && !workingDir.startsWith("/")) {
            throw new IllegalArgumentException("exec working directory must be absolute: " + workingDir);
        }
        if (uid < -1 || gid < -1) {
            throw new IllegalArgumentException("uid and gid must not be negative");
        }
        for (String s : env) {
            if (s.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry is not KEY=value: " + s);
            }
        }
    }

    /** {@code command} as the container's user, in its working directory, without a tty. */
    public static ExecSpec of(String... command) {
        return new ExecSpec(List.of(command), List.of(), "", -1, -1, false);
    }

    public ExecSpec withTty(boolean t) {
        return new ExecSpec(command, env, workingDir, uid, gid, t);
    }
}
