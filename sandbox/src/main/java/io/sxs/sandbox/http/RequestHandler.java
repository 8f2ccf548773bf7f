package io.sxs.sandbox.http;

/** Turns one request into one response. */
@FunctionalInterface
public interface RequestHandler {
    SandboxResponse handle(SandboxRequest request) throws Exception;
}
