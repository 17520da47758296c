package io.gantry.core.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code /proc/sys} keys given with slashes ({@code net/ipv4/ip_forward}). */
final class Sysctl {

    private Sysctl() {
    }

    static String read(String key) throws IOException {
        return Files.readString(Path.of("/proc/sys", key)).strip();
    }

    static void write(String key, String value) throws IOException {
        Path p = Path.of("/proc/sys", key);
        if (!read(key).equals(value)) {
            Files.writeString(p, value);
        }
    }
}
