package io.gantry.core.api;

import com.fasterxml.jackson.core.JacksonException;
import io.gantry.core.api.types.ErrorResponse;
import io.gantry.core.errors.EngineException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The only place where failures become HTTP status codes and Docker's {@code {"message": ...}} bodies. */
final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static int status(Throwable error) {
        if (error instanceof ApiException api) {
            return api.status();
        }
        if (error instanceof JacksonException) {
            return 400;
        }
        if (error instanceof EngineException engine) {
            return switch (engine.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID_ARGUMENT -> 400;
                case FAILED_PRECONDITION, UNAVAILABLE, INTERNAL -> 500;
            };
        }
        return 500;
    }

    static String message(Throwable error) {
        if (error instanceof JacksonException json) {
            return "invalid JSON: " + json.getOriginalMessage();
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Answers with the error if nothing was sent yet; otherwise the stream is broken and only the log can tell. */
    static void respond(HttpRequest request, HttpResponse response, Throwable error) throws IOException {
        int status = status(error);
        if (status >= 500) {
            log.error("{} {}: {}", request.method(), request.path(), message(error), error);
        } else {
            log.debug("{} {}: {} {}", request.method(), request.path(), status, message(error));
        }
        if (!response.committed()) {
            response.json(status, new ErrorResponse(message(error)));
        } else {
            response.closeAfterwards();
        }
    }
}
