package io.sxs.connector.xero.client;

import io.sxs.connector.source.ApiException;
import java.util.List;

/** An {@link ApiException} that also carries Xero's validation messages (400 ValidationException), when any. */
public class XeroApiException extends ApiException {

    private final List<String> messages;

    public XeroApiException(Kind kind, int httpStatus, String message, long retryAfterSeconds, Throwable cause,
                            List<String> messages) {
        super(kind, httpStatus, message, retryAfterSeconds, cause);
        this.messages = List.copyOf(messages);
    }

    public XeroApiException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, 0, null, List.of());
    }

    /** Validation messages (possibly empty); the exception message joins them. */
    public List<String> messages() {
        return messages;
    }
}
