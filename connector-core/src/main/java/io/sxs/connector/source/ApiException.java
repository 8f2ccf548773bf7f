package io.sxs.connector.source;

/**
 * A typed failure of an API call. {@link Kind} tells the runtime what to do: retry later, re-authorise, or report.
 */
public class ApiException extends Exception {

    public enum Kind {
        /** 5xx, timeouts, lost connections: try again. */
        RETRYABLE,
        /** 429 or a spent quota: wait {@link #retryAfterSeconds()}. */
        RATE_LIMITED,
        /** 401/403: credentials or tenant are wrong or revoked. */
        UNAUTHORISED,
        /** 404. */
        NOT_FOUND,
        /** The API refused the request as invalid (Xero ValidationException, Scoro status ERROR). */
        REJECTED,
        /** The response could not be understood (malformed JSON, unexpected shape). */
        MALFORMED
    }

    private final Kind kind;
    private final int httpStatus;
    private final long retryAfterSeconds;

    public ApiException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, 0, null);
    }

    public ApiException(Kind kind, int httpStatus, String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE || kind == Kind.RATE_LIMITED;
    }
}
