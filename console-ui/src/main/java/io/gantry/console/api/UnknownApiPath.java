package io.gantry.console.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers a path under {@code /api/} that no call serves with a JSON 404, instead of letting it fall through to the
 * views, which would answer with a page.
 */
@RestController
class UnknownApiPath {

    @RequestMapping("/api/**")
    ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
        return ApiErrors.answer(HttpStatus.NOT_FOUND, "There is no API call " + request.getMethod() + " "
                + request.getRequestURI() + "; the README lists them.");
    }
}
