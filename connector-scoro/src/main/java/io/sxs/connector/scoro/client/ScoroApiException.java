package io.sxs.connector.scoro.client;

import io.sxs.connector.source.ApiException;
import java.util.List;

/** An {@link ApiException} that also carries Scoro's {@code messages}, flattened to one string per message. */
public class ScoroApiException extends ApiException {

    private final List<String> messages;

    public ScoroApiException(Kind kind, int httpStatus, String message, List<String> messages) {
        this(kind, httpStatus, message, messages, 0, null);
    }

    public ScoroApiException(Kind kind, int httpStatus, String message, List<String> messages, long retryAfterSeconds,
                             Throwable cause) {
        super(kind, httpStatus, message, retryAfterSeconds, cause);
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }

    /** The messages of any ApiException: Scoro's own list, else the exception message. */
    public static List<String> messagesOf(ApiException e) {
        if (e instanceof ScoroApiException s && !s.messages.isEmpty()) {
            return s.messages;
        }
        return e.getMessage() == null ? List.of() : List.of(e.getMessage());
    }
}
