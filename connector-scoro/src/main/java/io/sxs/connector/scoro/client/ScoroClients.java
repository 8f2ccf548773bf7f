package io.sxs.connector.scoro.client;

import io.sxs.connector.budget.RateBudget;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.envelope.ScoroEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shares one JDK {@link HttpClient} between all connections and keeps what outlives a single call: each Scoro
 * account's {@link RateBudget} (site and entity; the replies' quota headers report what is left, so entities that
 * share a site's quota see it fall) and each connection's call total. {@link #open} gives a fresh
 * {@link ScoroClient} for one unit of work.
 */
public final class ScoroClients {

    /** Scoro's documented default daily quota, until a reply reports the site's own. */
    public static final int DEFAULT_DAILY_QUOTA = 500;
    /** Calls in flight per site at most (Scoro documents none; two keeps a site's quota from being raced). */
    private static final int CONCURRENT = 2;

    private final HttpClient http;
    private final ScoroClientSettings settings;
    private final Clock clock;
    private final double pollShare;
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

    public ScoroClients(HttpClient http, ScoroClientSettings settings, Clock clock) {
        this(http, settings, clock, 0.5);
    }

    /** @param pollShare share of each site's daily quota that polls may spend */
    public ScoroClients(HttpClient http, ScoroClientSettings settings, Clock clock, double pollShare) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.pollShare = pollShare;
    }

    public static ScoroClients create(ScoroClientSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    public static ScoroClients create(ScoroClientSettings settings, Clock clock) {
        // HTTP/1.1: no h2c upgrade dance on plain-http sites (sandbox); Scoro answers one JSON body per call anyway.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new ScoroClients(http, settings, clock);
    }

    public ScoroClient open(ConnectionContext connection) {
        ScoroEndpoint scoro = connection.config().getScoro();
        String id = connection.connectionId();
        return new ScoroClient(http, scoro.getSiteUrl(), scoro.getCompanyAccountId(), connection.scoroApiKey(),
                budget(scoro.getSiteUrl(), scoro.getCompanyAccountId()), connection.lane(), settings, clock,
                totals.computeIfAbsent(id, k -> new AtomicLong()));
    }

    /** The budget of one entity of a site (scheme, host and port; paths and case do not make another site). */
    public RateBudget budget(String siteUrl, String companyAccountId) {
        String account = siteKey(siteUrl) + "/" + companyAccountId;
        return budgets.computeIfAbsent(account, a -> new RateBudget("scoro:" + a, clock,
                new RateBudget.Limits(CONCURRENT, 0, null, DEFAULT_DAILY_QUOTA, pollShare), List.of()));
    }

    static String siteKey(String siteUrl) {
        try {
            URI uri = URI.create(siteUrl.strip());
            int port = uri.getPort();
            String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (port == -1) {
                port = "http".equals(scheme) ? 80 : 443;
            }
            return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return siteUrl.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** All HTTP calls made for the connection since this process started. */
    public long totalCalls(String connectionId) {
        AtomicLong total = totals.get(connectionId);
        return total == null ? 0 : total.get();
    }

    public ScoroClientSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }
}
