package io.sxs.app.control;

import io.sxs.app.pipeline.Connections;
import io.sxs.connector.source.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The control API's errors as JSON {error, message}: one status per kind of mistake. */
@RestControllerAdvice(basePackageClasses = ControlErrors.class)
public class ControlErrors {

    /** A connection, grant or record that does not exist. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The other system refused what was given (a wrong API key, a site that does not answer). */
    public static final class CheckFailed extends RuntimeException {
        public CheckFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request does not fit the connection's state (e.g. a run on a paused connection). */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, String>> conflict(Conflict e) {
        return body(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    /** A feature the deployment has not been configured for. */
    public static final class NotConfigured extends RuntimeException {
        public NotConfigured(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotConfigured.class)
    ResponseEntity<Map<String, String>> notConfigured(NotConfigured e) {
        return body(HttpStatus.CONFLICT, "not_configured", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(Connections.DuplicateLinkException.class)
    ResponseEntity<Map<String, String>> duplicate(Connections.DuplicateLinkException e) {
        return body(HttpStatus.CONFLICT, "already_linked", e.getMessage());
    }

    @ExceptionHandler(CheckFailed.class)
    ResponseEntity<Map<String, String>> checkFailed(CheckFailed e) {
        return body(HttpStatus.UNPROCESSABLE_CONTENT, "check_failed", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
    }

    /** A part this process does not run (its roles), or the pipeline not started yet. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> unavailable(IllegalStateException e) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, String>> api(ApiException e) {
        return body(HttpStatus.BAD_GATEWAY, "api_error", e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(Map.of("error", error, "message", message == null ? error : message));
    }
}
