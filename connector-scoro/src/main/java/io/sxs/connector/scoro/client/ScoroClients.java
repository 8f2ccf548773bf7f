package io.sxs.connector.scoro.client;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.envelope.ScoroEndpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shares one JDK {@link HttpClient} between all connections and keeps what outlives a single call per connection: its
 * {@link QuotaState} and its call total. {@link #open} gives a fresh {@link ScoroClient} for one unit of work.
 */
public final class ScoroClients {

    private final HttpClient http;
    private final ScoroClientSettings settings;
    private final Clock clock;
    private final Map<String, QuotaState> quotas = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

    public ScoroClients(HttpClient http, ScoroClientSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    public static ScoroClients create(ScoroClientSettings settings) {
        // HTTP/1.1: no h2c upgrade dance on plain-http sites (sandbox); Scoro answers one JSON body per call anyway.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new ScoroClients(http, settings, Clock.systemUTC());
    }

    public ScoroClient open(ConnectionContext connection) {
        ScoroEndpoint scoro = connection.config().getScoro();
        String id = connection.connectionId();
        return new ScoroClient(http, scoro.getSiteUrl(), scoro.getCompanyAccountId(), connection.scoroApiKey(),
                quota(id), settings, clock, totals.computeIfAbsent(id, k -> new AtomicLong()));
    }

    public QuotaState quota(String connectionId) {
        return quotas.computeIfAbsent(connectionId, k -> new QuotaState());
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
