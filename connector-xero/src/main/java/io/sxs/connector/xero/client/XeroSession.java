package io.sxs.connector.xero.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.budget.Lane;
import io.sxs.connector.budget.RateBudget;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection's handle on the Xero API for one read or write: tenant and token bound, and a count of the HTTP
 * requests it sent (retries included), which is what readers and writers report as API calls.
 */
public final class XeroSession {

    private final XeroClient client;
    private final String apiBase;
    private final String tenantId;
    private final ConnectionContext connection;
    private final Lane lane;
    private volatile String accessToken;
    private int calls;

    XeroSession(XeroClient client, String apiBase, String tenantId, String accessToken, ConnectionContext connection) {
        this.client = client;
        this.apiBase = apiBase;
        this.tenantId = tenantId;
        this.accessToken = accessToken;
        this.connection = connection;
        this.lane = connection.lane();
    }

    ConnectionContext connection() {
        return connection;
    }

    void accessToken(String refreshed) {
        this.accessToken = refreshed;
    }

    /** The budget lane this session's calls are made in. */
    public Lane lane() {
        return lane;
    }

    /** GET with an optional If-Modified-Since (null: none). */
    public XeroResponse get(String path, Map<String, String> query, Instant ifModifiedSince) throws ApiException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (ifModifiedSince != null) {
            headers.put("If-Modified-Since", XeroDates.formatIfModifiedSince(ifModifiedSince));
        }
        return client.execute(this, "GET", path, query, headers, null, this::countCall);
    }

    /** PUT (create) with {@code summarizeErrors=false} added and the given Idempotency-Key on every attempt. */
    public XeroResponse put(String path, Map<String, String> query, JsonNode body, String idempotencyKey) throws ApiException {
        return write("PUT", path, query, body, idempotencyKey);
    }

    /** POST (update) with {@code summarizeErrors=false} added and the given Idempotency-Key on every attempt. */
    public XeroResponse post(String path, Map<String, String> query, JsonNode body, String idempotencyKey) throws ApiException {
        return write("POST", path, query, body, idempotencyKey);
    }

    /** DELETE (Items are hard-deleted: 204, no body). A retry of a delete that went through answers 404. */
    public XeroResponse delete(String path) throws ApiException {
        return client.execute(this, "DELETE", path, Map.of(), Map.of(), null, this::countCall);
    }

    private XeroResponse write(String method, String path, Map<String, String> query, JsonNode body,
                               String idempotencyKey) throws ApiException {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > IdempotencyKeys.MAX_LENGTH) {
            throw new IllegalArgumentException("an Idempotency-Key of 1.." + IdempotencyKeys.MAX_LENGTH + " chars is required");
        }
        Map<String, String> q = new LinkedHashMap<>(query == null ? Map.of() : query);
        q.put("summarizeErrors", "false");
        String text;
        try {
            text = XeroJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body not serialisable", e);
        }
        return client.execute(this, method, path, q, Map.of("Idempotency-Key", idempotencyKey), text, this::countCall);
    }

    private void countCall() {
        calls++;
    }

    /** HTTP requests sent through this session so far. */
    public int calls() {
        return calls;
    }

    public String tenantId() {
        return tenantId;
    }

    public RateBudget budget() {
        return client.budget(tenantId);
    }

    String apiBase() {
        return apiBase;
    }

    String accessToken() {
        return accessToken;
    }

    @Override
    public String toString() {
        return "XeroSession[" + tenantId + "]";
    }
}
