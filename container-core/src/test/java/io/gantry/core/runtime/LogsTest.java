package io.gantry.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.core.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Privileged
class LogsTest {

    private TestEngine engine;

    @BeforeEach
    void start() {
        engine = TestEngine.start();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void rotation_keeps_at_most_max_file_files_each_under_max_size() throws IOException {
        String id = engine.runtime.create(engine.spec("sh", "-c", "i=0; while [ $i -lt 300 ]; do echo line $i; i=$((i+1)); done")
                .logRotation(2000, 3).build());
        engine.runtime.start(id);
        engine.runtime.wait(id, Duration.ofSeconds(10)).orElseThrow();
        List<Path> files;
        try (Stream<Path> s = Files.list(engine.root.resolve("containers").resolve(id))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("container-json.log")).toList();
        }
        assertThat(files).hasSize(3);
        for (Path f : files) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(2000);
        }
        List<String> texts = engine.runtime.logs(id).stream().map(LogEntry::text).toList();
        assertThat(texts).last().isEqualTo("line 299\n");
        int first = Integer.parseInt(texts.get(0).strip().substring(5));
        assertThat(first).isPositive();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(texts.get(i)).isEqualTo("line " + (first + i) + "\n"); // oldest file first, nothing lost between
        }
    }

    @Test
    void since_until_tail_and_follow_return_the_right_lines() throws Exception {
        String id = engine.runtime.create(engine.spec("sh", "-c", "for i in 1 2 3 4 5; do echo $i; sleep 0.2; done").build());
        engine.runtime.start(id);
        List<LogEntry> followed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> follow = CompletableFuture.runAsync(
                () -> engine.runtime.logs(id, new LogQuery(null, null, -1, true), followed::add));
        engine.runtime.wait(id, Duration.ofSeconds(10)).orElseThrow();
        follow.get(5, TimeUnit.SECONDS); // follow ends with the container
        assertThat(followed).extracting(LogEntry::text).containsExactly("1\n", "2\n", "3\n", "4\n", "5\n");
        assertThat(followed).extracting(LogEntry::time).isSorted();

        Instant third = Instant.parse(followed.get(2).time());
        assertThat(engine.runtime.logs(id, new LogQuery(null, null, 2, false))).extracting(LogEntry::text)
                .containsExactly("4\n", "5\n");
        assertThat(engine.runtime.logs(id, new LogQuery(third, null, -1, false))).extracting(LogEntry::text)
                .containsExactly("3\n", "4\n", "5\n");
        assertThat(engine.runtime.logs(id, new LogQuery(null, third, -1, false))).extracting(LogEntry::text)
                .containsExactly("1\n", "2\n");
        assertThat(engine.runtime.logs(id, new LogQuery(null, third, 1, false))).extracting(LogEntry::text)
                .containsExactly("2\n");
    }
}
