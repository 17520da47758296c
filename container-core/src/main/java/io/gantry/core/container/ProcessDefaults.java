package io.gantry.core.container;

import io.gantry.core.errors.InvalidArgumentException;
import io.gantry.core.image.oci.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Docker's rules for what a container runs, given its image's defaults and what the user asked for: an entrypoint
 * from the user replaces the image's and drops the image's command; a command from the user replaces the image's;
 * environment variables overlay the image's by name; an empty working directory or user falls back to the image's.
 */
public final class ProcessDefaults {

    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** What the user asked for; null (or empty, for strings) means "as the image says". */
    public record Overrides(@Nullable List<String> entrypoint, @Nullable List<String> cmd, List<String> env,
            @Nullable String workingDir, @Nullable String user, @Nullable String stopSignal, boolean tty) {

        public Overrides {
            env = List.copyOf(env);
        }
    }

    /** The process a container runs, fully decided. */
    public record Process(List<String> argv, List<String> env, String workingDir, String user, String stopSignal) {

        public Process {
            argv = List.copyOf(argv);
            env = List.copyOf(env);
        }
    }

    private ProcessDefaults() {
    }

    public static Process merge(ImageConfig.@Nullable ContainerConfig image, Overrides request) {
        List<String> entrypoint;
        List<String> cmd;
        if (request.entrypoint() != null) {
            entrypoint = withoutEmptyReset(request.entrypoint());
            cmd = request.cmd() == null ? List.of() : request.cmd();
        } else {
            entrypoint = image == null ? List.of() : image.entrypoint();
            cmd = request.cmd() != null ? request.cmd() : image == null ? List.of() : image.cmd();
        }
        List<String> argv = new ArrayList<>(entrypoint);
        argv.addAll(cmd);
        if (argv.isEmpty()) {
            throw new InvalidArgumentException("no command specified");
        }
        return new Process(argv, env(image, request), firstNonEmpty(request.workingDir(),
                image == null ? null : image.workingDir(), "/"), firstNonEmpty(request.user(),
                image == null ? null : image.user(), ""), firstNonEmpty(request.stopSignal(),
                image == null ? null : image.stopSignal(), "SIGTERM"));
    }

    /** The CLI sends {@code [""]} for {@code --entrypoint ""}: no entrypoint at all. */
    private static List<String> withoutEmptyReset(List<String> entrypoint) {
        return entrypoint.size() == 1 && entrypoint.get(0).isEmpty() ? List.of() : entrypoint;
    }

    private static List<String> env(ImageConfig.@Nullable ContainerConfig image, Overrides request) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (image != null) {
            image.env().forEach(e -> byName.put(name(e), e));
        }
        for (String e : request.env()) {
            if (name(e).isEmpty()) {
                throw new InvalidArgumentException("invalid environment variable: " + e);
            }
            byName.put(name(e), e);
        }
        byName.putIfAbsent("PATH", DEFAULT_PATH);
        if (request.tty()) {
            byName.putIfAbsent("TERM", "TERM=xterm");
        }
        return List.copyOf(byName.values());
    }

    private static String name(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    private static String firstNonEmpty(@Nullable String a, @Nullable String b, String fallback) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        return b != null && !b.isEmpty() ? b : fallback;
    }
}
