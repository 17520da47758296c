package io.gantry.core.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.core.errors.FailedPreconditionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the monitor's json-file log. Rotation, since/until/tail and follow come with the logs slice. */
final class ContainerLogs {

    private ContainerLogs() {
    }

    static List<LogEntry> read(Path log) {
        List<LogEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                JsonNode n = StateStore.json().readTree(line);
                entries.add(new LogEntry(n.path("stream").asText(), n.path("time").asText(), n.path("log").asText()));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new FailedPreconditionException("read log " + log + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
