package io.gantry.core.runtime;

import io.gantry.core.errors.FailedPreconditionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The only class that starts {@code gantry-shim}. The binary ships in the jar and is extracted once per engine to
 * {@code <data root>/bin/} (root-only); at run time it re-executes itself from a sealed memfd (CVE-2019-5736).
 */
final class Shim {

    private static final String RESOURCE = "native/gantry-shim";

    private final Path binary;

    private Shim(Path binary) {
        this.binary = binary;
    }

    /** Extracts the shim under {@code binDir} unless an identical copy is there already. */
    static Shim extract(Path binDir) {
        try (InputStream in = Shim.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FailedPreconditionException("gantry-shim is missing from the classpath (" + RESOURCE + ")");
            }
            byte[] bytes = in.readAllBytes();
            Path target = binDir.resolve("gantry-shim");
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return new Shim(target);
            }
            Files.createDirectories(binDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path tmp = Files.createTempFile(binDir, "gantry-shim", ".tmp");
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-x------"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Shim(target);
        } catch (IOException e) {
            throw new UncheckedIOException("extract gantry-shim to " + binDir, e);
        }
    }

    /** What {@link #run} learned: the detached monitor and the container's init (pid on the host). */
    record Started(Process monitor, long initPid) {
    }

    /**
     * Starts a monitor for the container described by {@code config} and returns once its entrypoint runs.
     * A failure inside the container's set-up comes back as {@link FailedPreconditionException} with the shim's
     * own message ("mount overlay rootfs ...: No such file or directory").
     */
    Started run(Path config) {
        Process p;
        try {
            p = new ProcessBuilder(binary.toString(), "run", config.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new FailedPreconditionException("start gantry-shim " + binary + ": " + e.getMessage(), e);
        }
        String line = ShimStatus.readLine(p.getInputStream());
        return new Started(p, ShimStatus.parseStarted(line));
    }

    /** Starts {@code gantry-shim exec} on {@code config}; returns once the process runs (or throws why not). */
    ExecHandle exec(Path config) {
        Process p;
        try {
            p = new ProcessBuilder(binary.toString(), "exec", config.toString()).start();
        } catch (IOException e) {
            throw new FailedPreconditionException("start gantry-shim exec " + binary + ": " + e.getMessage(), e);
        }
        String line = ShimStatus.readLineKeepOpen(p.getInputStream());
        try {
            return new ExecHandle(p, ShimStatus.parseStarted(line));
        } catch (RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * Sends {@code signal} to {@code pid} if it is still the process that started at {@code startTime} (clock
     * ticks since boot, {@code /proc/<pid>/stat} field 22). Returns false if that process is gone.
     */
    boolean kill(long pid, long startTime, int signal) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "kill", Long.toString(pid), Long.toString(startTime),
                    Integer.toString(signal)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            int rc = p.waitFor();
            if (rc == 3) {
                return false;
            }
            if (rc != 0) {
                throw new FailedPreconditionException("signal " + signal + " to " + pid + ": " + out);
            }
            return true;
        } catch (IOException e) {
            throw new FailedPreconditionException("run gantry-shim kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedPreconditionException("signal " + signal + " to " + pid + ": interrupted", e);
        }
    }
}
