package io.gantry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gantry.core.api.types.ProgressMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Docker's JSON progress stream ({@code \r\n}-separated messages, chunked), opened by its first message: a failure
 * before anything was streamed is still an ordinary HTTP error (the CLI prints it as such), after that an
 * {@code errorDetail} line, as dockerd writes it.
 */
final class ProgressStream {

    private final HttpResponse response;
    private final ObjectMapper json;
    private OutputStream out;

    ProgressStream(HttpResponse response, ObjectMapper json) {
        this.response = response;
        this.json = json;
    }

    /** Writes one message; a client that went away surfaces as {@link UncheckedIOException} to end the work. */
    void send(Object message) {
        try {
            if (out == null) {
                out = response.stream(200, "application/json");
            }
            out.write(json.writeValueAsBytes(message));
            out.write('\r');
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work}, which sends messages, and ends the stream: with the failure as an {@code errorDetail} line when
     * it failed after streaming began, rethrown for an HTTP error when it failed before.
     */
    void run(Runnable work) throws IOException {
        try {
            work.run();
        } catch (UncheckedIOException clientLeft) {
            response.closeAfterwards();
            return;
        } catch (RuntimeException e) {
            if (out == null) {
                throw e;
            }
            send(ProgressMessage.failure(ApiErrors.message(e)));
        }
        if (out == null) {
            out = response.stream(200, "application/json");
        }
        out.close();
    }
}
