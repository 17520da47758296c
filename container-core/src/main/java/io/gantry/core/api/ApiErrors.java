package io.gantry.core.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gantry.core.api.types.ErrorResponse;
import io.gantry.core.errors.EngineException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
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
        if (error instanceof MismatchedInputException wrongType && !wrongType.getPath().isEmpty()) {
            return "invalid JSON: " + path(wrongType) + " must be " + expected(wrongType.getTargetType());
        }
        if (error instanceof JacksonException json) {
            return "invalid JSON: " + json.getOriginalMessage();
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Where in the body a value had the wrong type, as Docker's field names: {@code HostConfig.Memory}, {@code Cmd[1]}. */
    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the request body" : path.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
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
