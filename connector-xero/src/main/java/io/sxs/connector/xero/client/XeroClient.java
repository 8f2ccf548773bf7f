package io.sxs.connector.xero.client;

import io.sxs.connector.xero.auth.XeroAccessTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.sxs.connector.budget.CallPermit;
import io.sxs.connector.budget.RateBudget;
import io.sxs.connector.budget.SharedWindow;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ApiException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xero Accounting API over the JDK {@link HttpClient}. Thread-safe and shared by all connections; open a
 * {@link XeroSession} per connection and unit of work. Every call carries the bearer token, {@code xero-tenant-id}
 * and {@code Accept: application/json}, and takes a slot from its organisation's {@link RateBudget} first (in the
 * session's lane), which also learns from every reply's {@code X-DayLimit-Remaining} and every 429's Retry-After.
 * RETRYABLE failures are retried (Resilience4j Retry) with exponential backoff, re-sending the identical request
 * (same Idempotency-Key); a 429 is retried here only when its Retry-After is short ({@code maxRetryAfter}).
 */
public class XeroClient {

    private static final Logger log = LoggerFactory.getLogger(XeroClient.class);

    private final HttpClient http;
    private final XeroRetrySettings settings;
    private final Retry retry;
    private final Clock clock;
    private final AtomicLong totalCalls = new AtomicLong();
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();
    private final XeroLimits limits;
    private final SharedWindow appWindow;
    private final XeroAccessTokens tokens;

    public XeroClient() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), XeroRetrySettings.defaults(),
                Clock.systemUTC());
    }

    public XeroClient(HttpClient http, XeroRetrySettings settings, Clock clock) {
        this(http, settings, clock, XeroLimits.xeroDefaults());
    }

    /** @param clock the clock the budgets count in (a test clock moves the limit windows) */
    public XeroClient(HttpClient http, XeroRetrySettings settings, Clock clock, XeroLimits limits) {
        this(http, settings, clock, limits, XeroAccessTokens.asSaved(clock));
    }

    /** @param tokens where each call's access token comes from (and how it is refreshed) */
    public XeroClient(HttpClient http, XeroRetrySettings settings, Clock clock, XeroLimits limits, XeroAccessTokens tokens) {
        this.tokens = tokens;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.limits = limits;
        this.appWindow = new SharedWindow(limits.appPerMinute(), XeroLimits.MINUTE_WINDOW);
        this.retry = Retry.of("xero", RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(this::shouldRetry)
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) ->
                        waitMillis(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .build());
    }

    /** Binds the connection's tenant and current access token (refreshed first when it is about to expire). */
    public XeroSession open(ConnectionContext connection) throws ApiException {
        String base = connection.config().getXero().getApiBaseUrl();
        String tenant = connection.config().getXero().getTenantId();
        return new XeroSession(this, stripSlash(base), tenant, tokens.accessToken(connection), connection);
    }

    public XeroAccessTokens tokens() {
        return tokens;
    }

    /** The call budget of one organisation, shared by every read and write for it. */
    public RateBudget budget(String tenantId) {
        return budgets.computeIfAbsent(tenantId, t -> new RateBudget("xero:" + t, clock, limits.budgetLimits(), List.of(appWindow)));
    }

    /** HTTP requests sent so far by this client, retries included. */
    public long totalCalls() {
        return totalCalls.get();
    }

    /** One logical call with retries; {@code onAttempt} is told about every HTTP request actually sent. */
    XeroResponse execute(XeroSession session, String method, String path, Map<String, String> query,
                         Map<String, String> headers, String body, Runnable onAttempt) throws ApiException {
        URI uri = URI.create(session.apiBase() + "/" + path + queryString(query));
        RateBudget budget = budget(session.tenantId());
        CheckedSupplier<XeroResponse> once = () -> {
            CallPermit permit = budget.acquire(session.lane(), settings.maxBudgetWait()).orElseThrow(() ->
                    new XeroApiException(Kind.RATE_LIMITED, 429, "the organisation's call budget allows no "
                            + session.lane() + " call for " + budget.waitTime(session.lane()) + " (" + budget.status() + ")",
                            Math.max(1, budget.waitTime(session.lane()).toSeconds()), null, List.of()));
            try (permit) {
                onAttempt.run();
                totalCalls.incrementAndGet();
                return send(session, budget, method, uri, headers, body);
            }
        };
        try {
            try {
                return Retry.decorateCheckedSupplier(retry, once).get();
            } catch (XeroApiException e) {
                if (e.httpStatus() != 401 || e.getMessage().startsWith("AUTH_REQUIRED")) {
                    throw e;
                }
                // Expired early or revoked: one refresh (or the one another call just made), then this call once more.
                session.accessToken(tokens.afterUnauthorised(session.connection(), session.accessToken()));
                return Retry.decorateCheckedSupplier(retry, once).get();
            }
        } catch (ApiException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroApiException(Kind.RETRYABLE, 0, "interrupted while waiting for the budget", 0, e, List.of());
        } catch (Throwable t) {
            throw new XeroApiException(Kind.RETRYABLE, 0, "Xero call failed: " + t, 0, t, List.of());
        }
    }

    private XeroResponse send(XeroSession session, RateBudget budget, String method, URI uri, Map<String, String> headers,
                              String body) throws ApiException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + session.accessToken())
                .header("xero-tenant-id", session.tenantId())
                .header("Accept", "application/json");
        headers.forEach(req::header);
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.debug("Xero {} {} transport failure: {}", method, uri.getPath(), e.toString());
            throw XeroErrors.fromTransport(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroApiException(Kind.RETRYABLE, 0, "interrupted", 0, e, java.util.List.of());
        }
        Integer dayRemaining = intHeader(resp, "X-DayLimit-Remaining");
        if (dayRemaining != null) {
            budget.observeDaily(null, dayRemaining.longValue(), null);
        }
        Integer minuteRemaining = intHeader(resp, "X-MinLimit-Remaining");
        if (minuteRemaining != null) {
            budget.observeWindowRemaining(minuteRemaining);
        }
        int status = resp.statusCode();
        if (status == 304) {
            // Nothing modified since If-Modified-Since.
            return new XeroResponse(status, XeroJson.NODES.objectNode());
        }
        if (status >= 200 && status < 300) {
            String text = resp.body();
            if (text == null || text.isBlank()) {
                return new XeroResponse(status, XeroJson.NODES.objectNode());
            }
            try {
                JsonNode json = XeroJson.MAPPER.readTree(text);
                if (json == null || !json.isObject()) {
                    throw XeroErrors.malformed(status, "expected a JSON object", null);
                }
                return new XeroResponse(status, json);
            } catch (IOException e) {
                throw XeroErrors.malformed(status, e.getMessage(), e);
            }
        }
        long retryAfter = 0;
        String problem = resp.headers().firstValue("X-Rate-Limit-Problem").orElse(null);
        if (status == 429) {
            OptionalLong ra = resp.headers().firstValueAsLong("Retry-After");
            retryAfter = ra.isPresent() ? Math.max(0, ra.getAsLong()) : 0;
            String lower = problem == null ? "" : problem.toLowerCase(java.util.Locale.ROOT);
            budget.observeThrottled(Duration.ofSeconds(retryAfter), lower.isEmpty() ? null : lower,
                    lower.startsWith("day"));
        }
        XeroApiException e = XeroErrors.fromResponse(status, resp.body(), retryAfter, problem);
        log.debug("Xero {} {} -> {} ({}), correlation {}", method, uri.getPath(), status, e.kind(),
                resp.headers().firstValue("Xero-Correlation-Id").orElse("-"));
        throw e;
    }

    private boolean shouldRetry(Throwable t) {
        if (!(t instanceof ApiException e) || !e.retryable()) {
            return false;
        }
        // A long wait (a spent daily quota) is reported to the caller rather than slept through here.
        return e.kind() != Kind.RATE_LIMITED || e.retryAfterSeconds() <= settings.maxRetryAfter().toSeconds();
    }

    private long waitMillis(int attempt, Throwable failure) {
        if (failure instanceof ApiException e && e.kind() == Kind.RATE_LIMITED && e.retryAfterSeconds() > 0) {
            return Duration.ofSeconds(e.retryAfterSeconds()).toMillis();
        }
        long base = settings.initialBackoff().toMillis();
        long wait = base << Math.min(20, Math.max(0, attempt - 1));
        return Math.min(wait, settings.maxBackoff().toMillis());
    }

    private static Integer intHeader(HttpResponse<?> resp, String name) {
        try {
            return resp.headers().firstValue(name).map(String::trim).map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Instant now() {
        return clock.instant();
    }
}
