package io.gantry.console.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Test files on the classpath: fixtures under {@code template/} and the bundled {@code templates/*.pmx}. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String path) {
        try (InputStream in = Objects.requireNonNull(Fixtures.class.getClassLoader().getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template pmx(String path) {
        return PmxReader.read(text(path), path);
    }

    /** The bundled template files by name (e.g. {@code wordpress.pmx}). */
    static List<String> bundledNames() {
        try {
            List<String> names = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.pmx")) {
                names.add(r.getFilename());
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
