package io.gantry.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A directory on the host that hostile input tries to reach: a file and a subdirectory, whose names, types and
 * contents must be the same after the attack as before.
 */
public final class Canary {

    private final Path dir;
    private final String before;

    private Canary(Path dir) throws IOException {
        this.dir = dir;
        this.before = listing();
    }

    /** Plants the canary in {@code dir} (created). */
    public static Canary plant(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("file"), "precious");
        Files.writeString(dir.resolve("sub/inner"), "also precious");
        return new Canary(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path file() {
        return dir.resolve("file");
    }

    public void assertUnchanged() throws IOException {
        assertThat(listing()).as("canary " + dir).isEqualTo(before);
    }

    private String listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.sorted().toList()) {
                all.append(p).append(Files.isSymbolicLink(p) ? " -> " + Files.readSymbolicLink(p) : "")
                        .append(Files.isRegularFile(p) ? ":" + Files.readString(p) : "").append('\n');
            }
            return all.toString();
        }
    }
}
