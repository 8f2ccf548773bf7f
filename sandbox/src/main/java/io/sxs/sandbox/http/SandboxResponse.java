package io.sxs.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A reply to send, or (for fault injection) the instruction to drop the connection without replying. */
public final class SandboxResponse {

    private final int status;
    private final byte[] body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final boolean dropConnection;

    private SandboxResponse(int status, byte[] body, String contentType, boolean dropConnection) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.dropConnection = dropConnection;
    }

    public static SandboxResponse json(int status, JsonNode body) {
        return new SandboxResponse(status, Json.bytes(body), "application/json; charset=utf-8", false);
    }

    public static SandboxResponse raw(int status, byte[] body, String contentType) {
        return new SandboxResponse(status, body, contentType, false);
    }

    public static SandboxResponse text(int status, String body) {
        return new SandboxResponse(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", false);
    }

    public static SandboxResponse empty(int status) {
        return new SandboxResponse(status, new byte[0], null, false);
    }

    /** Closes the connection without any reply, as when a reply is lost after the write was committed. */
    public static SandboxResponse dropConnection() {
        return new SandboxResponse(0, new byte[0], null, true);
    }

    /** The same reply (status, type, headers) with another body. */
    public SandboxResponse withBody(byte[] other) {
        SandboxResponse copy = new SandboxResponse(status, other, contentType, dropConnection);
        copy.headers.putAll(headers);
        return copy;
    }

    public SandboxResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public boolean isDropConnection() {
        return dropConnection;
    }
}
