package io.gantry.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The monitor's record of an exit: {@code <code>\t<oom 0|1>\t<finished at>}. */
final class ExitFile {

    private ExitFile() {
    }

    static Optional<ExitStatus> read(Path file) {
        try {
            String[] f = Files.readString(file).strip().split("\t");
            return Optional.of(new ExitStatus(Integer.parseInt(f[0]), f[1].equals("1"), f[2]));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
