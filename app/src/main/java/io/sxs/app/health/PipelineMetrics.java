package io.sxs.app.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sxs.app.control.ErrorList;
import io.sxs.app.control.SyncLogFeed;
import io.sxs.app.pipeline.ConsumerLag;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's Prometheus series beyond the JVM's: what the sync log says happened ({@code sxs.sync.records} by
 * stage, outcome, system and entity: records read, decisions, written, failed), the standing errors by kind, and the
 * mapper's input lag, the largest connection lag. Connection ids are never tags (thousands of connections would make the series unbounded); the
 * control API has the per-connection figures. API calls and 429s per system ({@code sxs.api.calls},
 * {@code sxs.api.throttled}) are counted where the calls are made.
 */
public final class PipelineMetrics implements MeterBinder, AutoCloseable {

    private static final Duration LAG_EVERY = Duration.ofSeconds(15);

    private final SyncLogFeed feed;
    private final ErrorList errors;
    private final io.sxs.app.control.ConnectionLags lags;
    private final java.util.function.Predicate<String> running;
    private final ConsumerLag lag;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile long lastLag = -1;
    private volatile Instant lagAt = Instant.EPOCH;

    /** @param running whether a connection is running now (only running connections' lag is counted) */
    public PipelineMetrics(SyncLogFeed feed, ErrorList errors, io.sxs.app.control.ConnectionLags lags,
                           java.util.function.Predicate<String> running, io.sxs.schemas.topic.KafkaCluster cluster) {
        this.feed = feed;
        this.errors = errors;
        this.lags = lags;
        this.running = running;
        this.lag = new ConsumerLag(cluster);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (SyncOutcome kind : ErrorList.KINDS) {
            Gauge.builder("sxs.errors.standing", errors, e -> e.find(null, null, kind).size()).tag("kind", kind.name())
                    .description("Errors standing now (the error list)").register(registry);
        }
        Gauge.builder("sxs.mapper.lag", this, PipelineMetrics::mapperLag)
                .description("Change records and results the mapper has not processed yet (-1: unknown)").register(registry);
        Gauge.builder("sxs.sync.lag", this, m -> m.lags.maxLagMs(Instant.now(), m.running) / 1000.0).baseUnit("seconds")
                .description("The largest lag of a running connection: age of its oldest change read but not settled")
                .register(registry);
        feed.listen(this::count);
    }

    private void count(SyncLogEntry e) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        String key = e.getStage() + "/" + e.getOutcome() + "/" + e.getSystem() + "/" + e.getEntity();
        counters.computeIfAbsent(key, k -> Counter.builder("sxs.sync.records").description("Sync-log entries: reads, decisions, writes")
                .tag("stage", e.getStage().name()).tag("outcome", e.getOutcome().name())
                .tag("system", String.valueOf(e.getSystem())).tag("entity", String.valueOf(e.getEntity())).register(r))
                .increment(e.getOutcome() == SyncOutcome.READ ? Math.max(1, e.getCount()) : 1);
    }

    private double mapperLag() {
        if (Instant.now().isAfter(lagAt.plus(LAG_EVERY))) {
            lagAt = Instant.now();
            lastLag = lag.lag(Topics.MAPPER_APPLICATION_ID, List.of(Topics.CHANGES_SCORO, Topics.CHANGES_XERO, Topics.RESULTS));
        }
        return lastLag;
    }

    @Override
    public void close() {
        lag.close();
    }
}
