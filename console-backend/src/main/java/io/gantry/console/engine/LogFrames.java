package io.gantry.console.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Reads a log body requested with {@code timestamps=1}: Docker's stdcopy frames (an 8-byte header of stream and
 * length before each record) for a container without a TTY, plain lines for one with a TTY.
 */
final class LogFrames {

    private static final int MAX_FRAME = 1 << 20;

    private LogFrames() {
    }

    static void read(InputStream in, boolean multiplexed, Consumer<LogLine> sink) throws IOException {
        if (!multiplexed) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                sink.accept(parse(line, false));
            }
            return;
        }
        while (true) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                return;
            }
            int size = (header[4] & 0xff) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | header[7] & 0xff;
            if (size < 0 || size > MAX_FRAME) {
                throw new IOException("log frame of " + size + " bytes from the engine");
            }
            byte[] payload = in.readNBytes(size);
            String text = new String(payload, StandardCharsets.UTF_8);
            // One record per frame; a record that holds several lines (a TTY-less program writing \r\n) stays one.
            sink.accept(parse(text.replaceFirst("\r?\n$", ""), header[0] == 2));
        }
    }

    /** Splits {@code <RFC 3339 time> <text>}; a line without a readable time keeps all its text. */
    static LogLine parse(String line, boolean stderr) {
        int space = line.indexOf(' ');
        if (space > 0) {
            try {
                return new LogLine(Instant.parse(line.substring(0, space)), stderr, line.substring(space + 1));
            } catch (DateTimeParseException noTime) {
                // fall through
            }
        }
        return new LogLine(Instant.EPOCH, stderr, line);
    }
}
