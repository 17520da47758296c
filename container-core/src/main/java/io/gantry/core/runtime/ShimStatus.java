package io.gantry.core.runtime;

import io.gantry.core.errors.FailedPreconditionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what the shim reports on its status pipe: {@code started\t<pid>} or {@code error\t<errno>\t<message>}. */
final class ShimStatus {

    private ShimStatus() {
    }

    /** One line, without the newline; reads byte by byte so nothing past it is consumed. */
    static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("read gantry-shim status: " + e.getMessage(), e);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** One line, without the newline, leaving the stream open for what follows it. */
    static String readLineKeepOpen(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("read gantry-shim status: " + e.getMessage(), e);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** The init's host pid from a {@code started} line; an {@code error} line raises the shim's message. */
    static long parseStarted(String line) {
        String[] f = line.split("\t", 3);
        if (f.length == 2 && f[0].equals("started")) {
            return Long.parseLong(f[1]);
        }
        if (f.length == 3 && f[0].equals("error")) {
            throw new ShimError(Integer.parseInt(f[1]), f[2]);
        }
        throw new FailedPreconditionException("gantry-shim: unexpected status \"" + line + "\"");
    }

    /** A failure the shim reported, with its errno (so that, e.g., exec's ENOENT can become exit code 127). */
    static final class ShimError extends FailedPreconditionException {
        private final int errno;

        ShimError(int errno, String message) {
            super(message);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }
}
