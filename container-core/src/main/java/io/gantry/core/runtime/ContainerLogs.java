package io.gantry.core.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.core.errors.FailedPreconditionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads the monitor's json-file log: {@code <log>.<n>} … {@code <log>.1} (rotated, oldest first) then
 * {@code <log>}; follows the current file across rotations until the container's run ends.
 */
final class ContainerLogs {

    private static final long FOLLOW_POLL_MS = 100;

    private ContainerLogs() {
    }

    /** The entries the query selects from what is written now; {@code follow} is ignored. */
    static List<LogEntry> read(Path log, int maxFiles, LogQuery q) {
        List<LogEntry> entries = new ArrayList<>();
        for (int n = maxFiles - 1; n >= 1; n--) {
            parseFile(log.resolveSibling(log.getFileName() + "." + n), entries);
        }
        parseFile(log, entries);
        return select(entries, q);
    }

    /**
     * Sends the selected entries to {@code sink}, then every new one, until {@code running} says the run ended
     * and the log is drained (or an entry passes {@code until}).
     */
    /** Waits up to the given milliseconds for more to read; may return early (when the container ends). */
    interface Pause {
        void pause(long ms) throws InterruptedException;
    }

    static void follow(Path log, int maxFiles, LogQuery q, Consumer<LogEntry> sink, BooleanSupplier running,
            Pause pause) {
        Follower f = new Follower(log, q, sink);
        try {
            f.open();
            List<LogEntry> old = new ArrayList<>();
            for (int n = maxFiles - 1; n >= 1; n--) {
                parseFile(log.resolveSibling(log.getFileName() + "." + n), old);
            }
            if (f.channel != null) {
                f.drain(old::add);
            }
            select(old, q).forEach(sink);
            while (!f.done) {
                boolean ended = !running.getAsBoolean();
                boolean got = f.channel != null && f.drain(f::emit);
                if (!got && f.rotated()) {
                    f.open();
                    continue;
                }
                if (ended && !got) {
                    return;
                }
                if (!got) {
                    pause.pause(FOLLOW_POLL_MS);
                }
            }
        } catch (IOException e) {
            throw new FailedPreconditionException("follow log " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            f.close();
        }
    }

    private static final class Follower {
        final Path log;
        final LogQuery q;
        final Consumer<LogEntry> sink;
        FileChannel channel;
        Object fileKey;
        final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        boolean done;

        Follower(Path log, LogQuery q, Consumer<LogEntry> sink) {
            this.log = log;
            this.q = q;
            this.sink = sink;
        }

        void open() throws IOException {
            close();
            try {
                channel = FileChannel.open(log, StandardOpenOption.READ);
                fileKey = Files.readAttributes(log, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                channel = null;
            }
            partial.reset();
        }

        boolean rotated() {
            try {
                return channel == null || !Objects.equals(fileKey, Files.readAttributes(log, BasicFileAttributes.class).fileKey());
            } catch (IOException e) {
                return false; // between the monitor's rename and its new file
            }
        }

        /** Reads to the end of the current file; true if there was anything. */
        boolean drain(Consumer<LogEntry> to) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(65536);
            boolean got = false;
            while (channel.read(buf) > 0) {
                got = true;
                buf.flip();
                for (int i = buf.position(); i < buf.limit(); i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        parseLine(partial.toString(StandardCharsets.UTF_8)).ifPresent(to);
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
                buf.clear();
            }
            return got;
        }

        void emit(LogEntry e) {
            if (done) {
                return;
            }
            if (q.until() != null && !java.time.Instant.parse(e.time()).isBefore(q.until())) {
                done = true;
            } else if (q.matches(e)) {
                sink.accept(e);
            }
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // read-only channel
            }
        }
    }

    private static List<LogEntry> select(List<LogEntry> entries, LogQuery q) {
        List<LogEntry> matching = entries.stream().filter(q::matches).toList();
        return q.tail() < 0 || q.tail() >= matching.size() ? matching
                : matching.subList(matching.size() - q.tail(), matching.size());
    }

    private static void parseFile(Path file, List<LogEntry> into) {
        try {
            for (String line : Files.readAllLines(file)) {
                parseLine(line).ifPresent(into::add);
            }
        } catch (NoSuchFileException e) {
            // not rotated that far (or not written yet)
        } catch (IOException e) {
            throw new FailedPreconditionException("read log " + file + ": " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<LogEntry> parseLine(String line) {
        try {
            JsonNode n = StateStore.json().readTree(line);
            return java.util.Optional.of(new LogEntry(n.path("stream").asText(), n.path("time").asText(), n.path("log").asText()));
        } catch (IOException e) {
            return java.util.Optional.empty(); // a line cut by a full disk
        }
    }
}
