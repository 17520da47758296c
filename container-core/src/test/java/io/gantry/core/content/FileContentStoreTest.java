package io.gantry.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentStoreTest extends ContentStoreContract {

    @TempDir
    Path root;

    @Override
    protected ContentStore newStore() throws IOException {
        return FileContentStore.open(root);
    }

    @Test
    void blobs_are_stored_under_their_digest() throws IOException {
        put("hello", HELLO);
        assertThat(root.resolve("blobs/sha256/" + HELLO_DIGEST.hex())).hasBinaryContent(HELLO);
    }

    @Test
    void leftovers_of_an_interrupted_write_are_removed_when_the_store_is_opened() throws IOException {
        BlobWriter interrupted = store.writer("pull-1");
        interrupted.write(HELLO); // the engine "dies" here: never committed, never closed
        Path stray = Files.createDirectories(root.resolve("ingest/stray"));
        Files.writeString(stray.resolve("data"), "partial");
        assertThat(ingestEntries()).isEqualTo(2);

        ContentStore reopened = FileContentStore.open(root);

        assertThat(ingestEntries()).isZero();
        assertThat(reopened.exists(HELLO_DIGEST)).isFalse();
        try (BlobWriter retry = reopened.writer("pull-1")) {
            retry.write(HELLO);
            retry.commit(HELLO.length, HELLO_DIGEST);
        }
        assertThat(reopened.exists(HELLO_DIGEST)).isTrue();
    }

    @Test
    void walk_ignores_files_that_are_not_named_by_a_digest() throws IOException {
        put("hello", HELLO);
        Files.writeString(root.resolve("blobs/sha256/not-a-digest"), "x");
        assertThat(walkAll()).extracting(ContentInfo::digest).containsExactly(HELLO_DIGEST);
    }

    @Test
    void a_failed_commit_leaves_the_ingest_area_empty() throws IOException {
        try (BlobWriter writer = store.writer("bad")) {
            writer.write(HELLO);
            try {
                writer.commit(1, HELLO_DIGEST);
            } catch (DigestMismatchException expected) {
                // asserted by the contract
            }
        }
        assertThat(ingestEntries()).isZero();
    }

    private long ingestEntries() throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve("ingest"))) {
            return entries.count();
        }
    }
}
