package io.sxs.sandbox.core;

/** The addressed record or tenant does not exist (or is not visible). */
public class SandboxNotFoundException extends RuntimeException {

    public SandboxNotFoundException(String message) {
        super(message);
    }
}
