package io.gantry.core.registry.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCacheTest {

    private static final String KEY = "a".repeat(64);

    @TempDir
    Path root;

    @Test
    void concurrent_callers_build_a_layer_once_and_all_get_it() throws Exception {
        LayerCache cache = new LayerCache(root);
        AtomicInteger builds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LayerCache.CachedLayer>> callers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                callers.add(pool.submit(() -> cache.find(KEY).orElse(cache.underBuildLock(() -> {
                    if (cache.find(KEY).isPresent()) {
                        return cache.find(KEY).get(); // built by another caller while this one waited for the lock
                    }
                    builds.incrementAndGet();
                    return cache.add(KEY, out -> writeLayer(out, "layer content"));
                }))));
            }
            for (Future<LayerCache.CachedLayer> caller : callers) {
                assertThat(Files.readString(caller.get().blob())).isEqualTo("layer content");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(builds).hasValue(1);
        assertThat(names(root.resolve("layers"))).containsExactly(KEY);
    }

    @Test
    void a_failed_build_leaves_no_entry_and_the_next_session_clears_what_a_killed_one_left() throws Exception {
        LayerCache cache = new LayerCache(root);
        assertThatThrownBy(() -> cache.underBuildLock(() -> cache.add(KEY, out -> {
            writeLayer(out, "half");
            throw new IOException("apt-get failed");
        }))).hasMessage("apt-get failed");
        assertThat(cache.find(KEY)).isEmpty();
        Files.createDirectories(root.resolve("layers/." + KEY + ".partial-123"));
        Files.createDirectories(root.resolve("work/build-123/upper"));

        LayerCache.CachedLayer layer = cache.underBuildLock(() -> {
            assertThat(root.resolve("work")).doesNotExist();
            return cache.add(KEY, out -> writeLayer(out, "whole"));
        });

        assertThat(Files.readString(layer.blob())).isEqualTo("whole");
        assertThat(names(root.resolve("layers"))).containsExactly(KEY);
        assertThat(root.resolve("work")).doesNotExist();
    }

    @Test
    void layers_are_added_only_under_the_build_lock() {
        assertThatThrownBy(() -> new LayerCache(root).add(KEY, out -> writeLayer(out, "x")))
                .hasMessageContaining("under the build lock");
    }

    private static void writeLayer(Path out, String content) throws IOException {
        Files.writeString(out.resolve("layer.tar.gz"), content);
        Files.writeString(out.resolve("diffid"), "sha256:" + "1".repeat(64) + "\n");
        Files.writeString(out.resolve("digest"), "sha256:" + "2".repeat(64) + "\n");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
