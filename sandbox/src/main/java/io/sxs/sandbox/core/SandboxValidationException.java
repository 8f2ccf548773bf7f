package io.sxs.sandbox.core;

import java.util.List;

/** A write rejected by the sandbox's business rules; the messages are the ones the API would return. */
public class SandboxValidationException extends RuntimeException {

    private final List<String> messages;

    public SandboxValidationException(List<String> messages) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public SandboxValidationException(String message) {
        this(List.of(message));
    }

    public List<String> messages() {
        return messages;
    }
}
