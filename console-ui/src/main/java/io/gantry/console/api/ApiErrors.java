package io.gantry.console.api;

import io.gantry.console.app.ApplicationBusyException;
import io.gantry.console.app.ApplicationNotFoundException;
import io.gantry.console.app.ApplicationRejectedException;
import io.gantry.console.app.DeployFailedException;
import io.gantry.console.engine.EngineCallException;
import io.gantry.console.engine.EngineUnreachableException;
import io.gantry.console.errors.ConsoleException;
import io.gantry.console.image.InvalidImageReferenceException;
import io.gantry.console.registry.InvalidRegistryException;
import io.gantry.console.registry.RegistryNotFoundException;
import io.gantry.console.search.SearchFailedException;
import io.gantry.console.template.MissingParameterException;
import io.gantry.console.template.TemplateFormatException;
import io.gantry.console.template.TemplateNotFoundException;
import io.gantry.console.template.TemplateRejectedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The only place where the API's failures become HTTP statuses, each answered as {@code {"message": …}} (plus what
 * the failure carries: the failing service, the missing parameters, the template's problems). The message is the
 * console's own sentence, as the pages show it; nothing else (no stack trace) leaves.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({ApplicationNotFoundException.class, TemplateNotFoundException.class,
            RegistryNotFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(ConsoleException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ApplicationRejectedException.class, TemplateFormatException.class,
            InvalidRegistryException.class, InvalidImageReferenceException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> rejected(RuntimeException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(TemplateRejectedException.class)
    ResponseEntity<Map<String, Object>> invalidTemplate(TemplateRejectedException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), "problems", e.problems());
    }

    @ExceptionHandler(MissingParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameters(MissingParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), "missing", e.keys());
    }

    /** The engine refused a step; what the deployment or edit had done is undone. */
    @ExceptionHandler(DeployFailedException.class)
    ResponseEntity<Map<String, Object>> deployFailed(DeployFailedException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), "service", e.service().orElse(null));
    }

    @ExceptionHandler(ApplicationBusyException.class)
    ResponseEntity<Map<String, Object>> busy(ApplicationBusyException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    /** The engine's own refusal keeps its kind (missing, conflict, bad request); anything else is the engine's fault. */
    @ExceptionHandler(EngineCallException.class)
    ResponseEntity<Map<String, Object>> engineRefused(EngineCallException e) {
        HttpStatus status = switch (e.status()) {
            case 400 -> HttpStatus.BAD_REQUEST;
            case 404 -> HttpStatus.NOT_FOUND;
            case 409 -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_GATEWAY;
        };
        return answer(status, "The engine answered: " + e.getMessage());
    }

    /** A registry that a tag list was asked of failed: its fault, not the caller's. */
    @ExceptionHandler(SearchFailedException.class)
    ResponseEntity<Map<String, Object>> sourceFailed(SearchFailedException e) {
        return answer(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    @ExceptionHandler(EngineUnreachableException.class)
    ResponseEntity<Map<String, Object>> engineGone(EngineUnreachableException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(ConsoleException.class)
    ResponseEntity<Map<String, Object>> otherwise(ConsoleException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        return answer(HttpStatus.BAD_REQUEST, "The request body is not the JSON this call takes: "
                + (detail == null ? "" : detail.lines().findFirst().orElse("")));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        return answer(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason() == null ? e.getMessage()
                : e.getReason());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Map<String, Object>> wrongMediaType(HttpMediaTypeException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> bug(RuntimeException e) {
        LOG.error("The API failed unexpectedly", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "The console failed unexpectedly; its log has the details.");
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i + 1] != null) {
                body.put((String) extra[i], extra[i + 1]);
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
