package io.gantry.console.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The output of an exec without a terminal: Docker's stdcopy frames (stream byte, three zeros, big-endian length, then
 * the payload) sorted into stdout and stderr, up to a limit that keeps a chatty command from filling the console.
 */
final class ExecOutput {

    private static final int MAX_BYTES = 16 << 20;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    void read(InputStream in) throws IOException {
        while (true) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                return;
            }
            int size = (header[4] & 0xff) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | header[7] & 0xff;
            if (size < 0 || stdout.size() + stderr.size() + size > MAX_BYTES) {
                throw new IOException("exec output beyond " + (MAX_BYTES >> 20) + " MiB");
            }
            (header[0] == 2 ? stderr : stdout).write(in.readNBytes(size));
        }
    }

    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
