package io.sxs.connector.scoro.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import io.sxs.connector.budget.CallPermit;
import io.sxs.connector.budget.Lane;
import io.sxs.connector.budget.RateBudget;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ApiException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scoro API v2 for one connection and one unit of work (a read page or a write batch): every call is
 * {@code POST <site>/api/v2/<module>/<action>[/<id>]} with the JSON envelope ({@code apiKey}, {@code company_account_id},
 * {@code request}, and for lists {@code filter}/{@code page}/{@code per_page}). Reads and idempotent writes are retried
 * with back-off; a create is tried once, because Scoro has no idempotency key and a blind retry could create twice.
 * Every call first takes a slot from the site's {@link RateBudget} (in the unit of work's lane), and every reply's
 * quota headers go back to it. {@link #calls()} counts the HTTP calls this instance made. The API key is never logged.
 */
public final class ScoroClient {

    public static final int MAX_PER_PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ScoroClient.class);

    private final HttpClient http;
    private final String apiBase;
    private final String companyAccountId;
    private final String apiKey;
    private final RateBudget budget;
    private final Lane lane;
    private final ScoroClientSettings settings;
    private final Clock clock;
    private final AtomicLong connectionCalls;
    private final AtomicInteger calls = new AtomicInteger();
    private final Retry retry;

    ScoroClient(HttpClient http, String siteUrl, String companyAccountId, String apiKey, RateBudget budget, Lane lane,
                ScoroClientSettings settings, Clock clock, AtomicLong connectionCalls) {
        this.http = http;
        this.apiBase = apiBase(siteUrl);
        this.companyAccountId = companyAccountId;
        this.apiKey = apiKey;
        this.budget = budget;
        this.lane = lane;
        this.settings = settings;
        this.clock = clock;
        this.connectionCalls = connectionCalls;
        this.retry = ScoroRetries.retry("scoro", settings);
    }

    /** {@code <site>/api/v2}, whether the configured site URL already ends with it or not. */
    static String apiBase(String siteUrl) {
        String base = siteUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/api/v2") ? base : base + "/api/v2";
    }

    /** One page of {@code <module>/list}; {@code filter} may be null. Deleted items are included when asked. */
    public JsonNode list(String module, ObjectNode filter, int page, int perPage, boolean includeDeleted) throws ApiException {
        ObjectNode body = envelope();
        ObjectNode request = body.putObject("request");
        if (includeDeleted) {
            // The notes do not settle where include_deleted goes (request object or top level): send both.
            request.put("include_deleted", 1);
            body.put("include_deleted", 1);
        }
        if (filter != null && !filter.isEmpty()) {
            body.set("filter", filter);
        }
        body.put("page", page);
        body.put("per_page", Math.min(perPage, MAX_PER_PAGE));
        return retried(() -> post(module, "list", null, body));
    }

    /** Every row of {@code <module>/list}, paging until a short page (used for small reference lists). */
    public List<JsonNode> listAll(String module) throws ApiException {
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode data = list(module, null, page, MAX_PER_PAGE, false);
            int n = 0;
            for (JsonNode row : data) {
                rows.add(row);
                n++;
            }
            if (n < MAX_PER_PAGE) {
                return rows;
            }
        }
    }

    /** {@code <module>/view/<id>}: the full object, with lines. */
    public JsonNode view(String module, String id) throws ApiException {
        ObjectNode body = envelope();
        body.putObject("request");
        return retried(() -> post(module, "view", id, body));
    }

    /** {@code <module>/modify} without id: tried once (see class comment). */
    public JsonNode create(String module, ObjectNode request) throws ApiException {
        ObjectNode body = envelope();
        body.set("request", request);
        return post(module, "modify", null, body);
    }

    /** {@code <module>/modify/<id>} with the full state (lines replace the whole set), so repeating it is harmless. */
    public JsonNode update(String module, String id, ObjectNode request) throws ApiException {
        ObjectNode body = envelope();
        body.set("request", request);
        return retried(() -> post(module, "modify", id, body));
    }

    /** {@code <module>/delete/<id>}; a repeat answers not-found, which the caller treats as done. */
    public JsonNode delete(String module, String id) throws ApiException {
        ObjectNode body = envelope();
        body.putObject("request");
        return retried(() -> post(module, "delete", id, body));
    }

    /** Any other {@code <module>/<action>} (e.g. {@code webhooks/subscribe}); tried once. */
    public JsonNode action(String module, String action, ObjectNode request) throws ApiException {
        ObjectNode body = envelope();
        body.set("request", request == null ? ScoroJson.object() : request);
        return post(module, action, null, body);
    }

    /** HTTP calls made by this instance. */
    public int calls() {
        return calls.get();
    }

    public RateBudget budget() {
        return budget;
    }

    private ObjectNode envelope() {
        ObjectNode body = ScoroJson.object();
        body.put("apiKey", apiKey);
        body.put("company_account_id", companyAccountId);
        body.put("lang", "eng");
        return body;
    }

    private JsonNode retried(ScoroRetries.Attempt<JsonNode> call) throws ApiException {
        return ScoroRetries.run(retry, call);
    }

    private JsonNode post(String module, String action, String id, ObjectNode body) throws ApiException {
        CallPermit permit;
        try {
            permit = budget.acquire(lane, settings.maxBudgetWait()).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScoroApiException(Kind.RETRYABLE, 0, "Interrupted while waiting for the Scoro budget", List.of(), 0, e);
        }
        if (permit == null) {
            long wait = Math.max(1, budget.waitTime(lane).toSeconds());
            String why = budget.status().reason();
            throw new ScoroApiException(Kind.RATE_LIMITED, 429, "the Scoro site's call budget is spent for now"
                    + (why == null ? "" : " (" + why + ")") + "; next call in " + wait + " s", List.of(), wait, null);
        }
        try (permit) {
            return send(module, action, id, body);
        }
    }

    private JsonNode send(String module, String action, String id, ObjectNode body) throws ApiException {
        String path = "/" + module + "/" + action + (id == null ? "" : "/" + id);
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ScoroJson.write(body), StandardCharsets.UTF_8))
                .build();
        calls.incrementAndGet();
        connectionCalls.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ScoroApiException(Kind.RETRYABLE, 0, "Scoro call " + path + " timed out", List.of(), 0, e);
        } catch (IOException e) {
            throw new ScoroApiException(Kind.RETRYABLE, 0, "Scoro call " + path + " failed: " + e, List.of(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScoroApiException(Kind.RETRYABLE, 0, "Interrupted during Scoro call " + path, List.of(), 0, e);
        }
        Instant now = clock.instant();
        ScoroQuotaHeaders.Snapshot quota = ScoroQuotaHeaders.read(response.headers(), now);
        ScoroQuotaHeaders.feed(budget, quota);
        LOG.debug("Scoro {} -> HTTP {}", path, response.statusCode());
        try {
            return ScoroResponses.data(response.statusCode(), response.headers(), response.body(), now);
        } catch (ScoroApiException e) {
            if (e.kind() == Kind.RATE_LIMITED) {
                boolean daily = quota.dailySpent() && quota.dailyResetAt() != null;
                budget.observeThrottled(daily ? java.time.Duration.between(now, quota.dailyResetAt())
                        : java.time.Duration.ofSeconds(e.retryAfterSeconds()), daily ? "daily quota" : "short window", daily);
            }
            throw e;
        }
    }
}
