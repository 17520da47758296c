package io.gantry.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LayerPipeTest {

    @Test
    void the_reader_gets_every_byte_in_order_then_the_end() throws Exception {
        LayerPipe pipe = new LayerPipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pipe.input()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] buffer = new byte[3];
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < 200; i++) { // more chunks than the pipe holds: the writer waits for the reader
            String part = String.format("%03d", i);
            System.arraycopy(part.getBytes(StandardCharsets.US_ASCII), 0, buffer, 0, 3);
            pipe.write(buffer, 0, 3); // the same buffer each time, as the download reuses its own
            sent.append(part);
        }
        pipe.finish();

        assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.US_ASCII)).isEqualTo(sent.toString());
    }

    @Test
    void an_aborted_download_reaches_the_reader_as_its_failure_even_after_some_bytes() throws Exception {
        LayerPipe pipe = new LayerPipe();
        InputStream in = pipe.input();
        pipe.write(new byte[] {1, 2}, 0, 2);
        pipe.abort(new IOException("connection reset"));

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("connection reset");
    }

    @Test
    void a_reader_that_gave_up_never_blocks_the_download() throws Exception {
        LayerPipe pipe = new LayerPipe();
        pipe.input().close();

        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 1000; i++) {
                    pipe.write(new byte[1024], 0, 1024);
                }
                pipe.finish();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        writes.get(10, TimeUnit.SECONDS);
    }
}
