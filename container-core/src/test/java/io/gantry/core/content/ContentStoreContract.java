package io.gantry.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ContentStore} promises; each implementation's test extends this and supplies the store. */
public abstract class ContentStoreContract {

    protected static final byte[] HELLO = "hello, gantry".getBytes(StandardCharsets.UTF_8);
    protected static final Digest HELLO_DIGEST = Digest.of(HELLO);

    protected ContentStore store;

    /** A new, empty store. */
    protected abstract ContentStore newStore() throws IOException;

    @BeforeEach
    void createStore() throws IOException {
        store = newStore();
    }

    @Test
    void commit_makes_a_verified_blob_visible() throws IOException {
        ContentInfo info;
        try (BlobWriter writer = store.writer("hello")) {
            writer.write(HELLO, 0, 5);
            writer.write(HELLO, 5, HELLO.length - 5);
            assertThat(writer.status()).isEqualTo(HELLO.length);
            info = writer.commit(HELLO.length, HELLO_DIGEST);
        }
        assertThat(info.digest()).isEqualTo(HELLO_DIGEST);
        assertThat(info.size()).isEqualTo(HELLO.length);
        assertThat(store.exists(HELLO_DIGEST)).isTrue();
        try (InputStream in = store.open(HELLO_DIGEST)) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
    }

    @Test
    void nothing_is_visible_before_commit() throws IOException {
        try (BlobWriter writer = store.writer("hello")) {
            writer.write(HELLO);
            assertThat(store.exists(HELLO_DIGEST)).isFalse();
            assertThat(walkAll()).isEmpty();
        }
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
    }

    @Test
    void commit_rejects_a_blob_whose_digest_differs() throws IOException {
        Digest other = Digest.of("something else".getBytes(StandardCharsets.UTF_8));
        try (BlobWriter writer = store.writer("hello")) {
            writer.write(HELLO);
            assertThatThrownBy(() -> writer.commit(HELLO.length, other))
                    .isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining(other.toString())
                    .hasMessageContaining(HELLO_DIGEST.toString());
        }
        assertThat(store.exists(other)).isFalse();
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
        assertThat(walkAll()).isEmpty();
    }

    @Test
    void commit_rejects_a_blob_whose_size_differs() throws IOException {
        try (BlobWriter writer = store.writer("hello")) {
            writer.write(HELLO);
            assertThatThrownBy(() -> writer.commit(HELLO.length + 1, HELLO_DIGEST))
                    .isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining("bytes");
        }
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
    }

    @Test
    void committing_content_the_store_already_holds_is_not_an_error() throws IOException {
        put("first", HELLO);
        ContentInfo again = put("second", HELLO);
        assertThat(again.digest()).isEqualTo(HELLO_DIGEST);
        assertThat(walkAll()).hasSize(1);
    }

    @Test
    void a_second_writer_on_the_same_ref_conflicts_until_the_first_finishes() throws IOException {
        try (BlobWriter first = store.writer("layer")) {
            assertThatThrownBy(() -> store.writer("layer")).isInstanceOf(IngestConflictException.class)
                    .hasMessageContaining("layer");
            first.write(HELLO);
            first.commit(HELLO.length, HELLO_DIGEST);
        }
        try (BlobWriter second = store.writer("layer")) {
            assertThat(second.status()).isZero();
        }
    }

    @Test
    void abort_discards_a_write_in_progress_and_frees_its_ref() throws IOException {
        BlobWriter writer = store.writer("hello");
        writer.write(HELLO);
        store.abort("hello");
        try (BlobWriter again = store.writer("hello")) {
            again.write(HELLO);
            again.commit(HELLO.length, HELLO_DIGEST);
        }
        assertThat(store.exists(HELLO_DIGEST)).isTrue();
    }

    @Test
    void closing_an_uncommitted_writer_aborts_it() throws IOException {
        try (BlobWriter writer = store.writer("hello")) {
            writer.write(HELLO);
        }
        assertThat(store.exists(HELLO_DIGEST)).isFalse();
        try (BlobWriter again = store.writer("hello")) {
            assertThat(again.status()).isZero();
        }
    }

    @Test
    void walk_lists_committed_blobs_and_delete_removes_them() throws IOException {
        byte[] other = "other".getBytes(StandardCharsets.UTF_8);
        put("a", HELLO);
        put("b", other);
        assertThat(walkAll()).extracting(ContentInfo::digest).containsExactlyInAnyOrder(HELLO_DIGEST, Digest.of(other));

        assertThat(store.delete(HELLO_DIGEST)).isTrue();
        assertThat(store.delete(HELLO_DIGEST)).isFalse();
        assertThat(store.info(HELLO_DIGEST)).isEmpty();
        assertThat(walkAll()).extracting(ContentInfo::digest).containsExactly(Digest.of(other));
    }

    @Test
    void opening_an_absent_blob_fails_and_info_is_empty() throws IOException {
        assertThat(store.info(HELLO_DIGEST)).isEmpty();
        assertThatThrownBy(() -> store.open(HELLO_DIGEST)).isInstanceOf(IOException.class);
    }

    protected ContentInfo put(String ref, byte[] bytes) throws IOException {
        try (BlobWriter writer = store.writer(ref)) {
            writer.write(bytes);
            return writer.commit(bytes.length, Digest.of(bytes));
        }
    }

    protected List<ContentInfo> walkAll() throws IOException {
        List<ContentInfo> all = new ArrayList<>();
        store.walk(all::add);
        return all;
    }
}
