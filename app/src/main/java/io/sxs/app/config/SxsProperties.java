package io.sxs.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's settings ({@code sxs.*}); see the README's configuration table. Kafka itself is chosen with
 * {@code spring.kafka.bootstrap-servers}: when it is empty, an embedded broker is started.
 */
@ConfigurationProperties("sxs")
public record SxsProperties(
        @DefaultValue("./sxs-data") Path dataDir,
        @DefaultValue("local") String instanceId,
        @DefaultValue Broker broker,
        @DefaultValue Topics topics,
        @DefaultValue Secrets secrets,
        @DefaultValue Source source,
        @DefaultValue Sink sink,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Xero xero,
        @DefaultValue Mapper mapper,
        @DefaultValue Control control,
        @DefaultValue Demo demo,
        java.util.Set<Role> roles) {

    /** The embedded broker (used only without bootstrap servers). */
    public record Broker(@DefaultValue("19092") int port, @DefaultValue("19093") int controllerPort) {
        public Broker {
            require(port > 0 && port < 65536, "sxs.broker.port must be a port number, got " + port);
            require(controllerPort > 0 && controllerPort < 65536 && controllerPort != port,
                    "sxs.broker.controller-port must be a port number other than sxs.broker.port, got " + controllerPort);
        }
    }

    /** Topic layout: every co-partitioned topic gets {@code partitions}. */
    public record Topics(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                         @DefaultValue("-1") long auditRetentionMs) {
        public Topics {
            require(partitions >= 1, "sxs.topics.partitions must be at least 1, got " + partitions);
            require(replicationFactor >= 1, "sxs.topics.replication-factor must be at least 1, got " + replicationFactor);
            require(auditRetentionMs == -1 || auditRetentionMs > 0,
                    "sxs.topics.audit-retention-ms must be -1 (forever) or positive, got " + auditRetentionMs);
        }
    }

    /** Base64 AES-256 key for credentials at rest; generated into the data folder for the embedded default. */
    public record Secrets(String key, @DefaultValue("k1") String keyId) {
        @Override
        public String toString() {
            return "Secrets[key=" + (key == null || key.isEmpty() ? "generated" : "****") + ", keyId=" + keyId + "]";
        }
    }

    /**
     * @param workers    worker threads per system, shared by all connections
     * @param safetyNet  poll interval of entities whose changes webhooks announce
     * @param hintLinger how long webhook news waits for more of its kind before one read covers it all
     */
    public record Source(@DefaultValue("5s") Duration overlap, @DefaultValue("250ms") Duration tick,
                         @DefaultValue("8") int workers, @DefaultValue("30m") Duration safetyNet,
                         @DefaultValue("500ms") Duration hintLinger) {
        public Source {
            require(!overlap.isNegative(), "sxs.source.overlap must not be negative, got " + overlap);
            require(tick.toMillis() > 0, "sxs.source.tick must be positive, got " + tick);
            require(workers >= 1 && workers <= 256, "sxs.source.workers must be 1..256, got " + workers);
            require(safetyNet.toMillis() > 0, "sxs.source.safety-net must be positive, got " + safetyNet);
            require(!hintLinger.isNegative(), "sxs.source.hint-linger must not be negative, got " + hintLinger);
        }
    }

    /**
     * @param writeLinger how long a partial batch waits for more commands of its kind
     * @param maxQueued   commands held for writing per system before the sink stops consuming
     */
    public record Sink(@DefaultValue("300ms") Duration writeLinger, @DefaultValue("20000") int maxQueued) {
        public Sink {
            require(!writeLinger.isNegative(), "sxs.sink.write-linger must not be negative, got " + writeLinger);
            require(maxQueued >= 100, "sxs.sink.max-queued must be at least 100, got " + maxQueued);
        }
    }

    /**
     * @param publicUrl the address at which the APIs reach this deployment's webhook endpoints (e.g.
     *                  https://sync.example.com); empty: no Scoro webhook subscriptions (the demo uses localhost)
     * @param xeroKey   the signing key of the Xero app's webhook; empty: Xero webhooks are refused and not relied on
     */
    public record Webhooks(String publicUrl, String xeroKey) {
        @Override
        public String toString() {
            return "Webhooks[publicUrl=" + publicUrl + ", xeroKey=" + (xeroKey == null || xeroKey.isEmpty() ? "none" : "****") + "]";
        }
    }

    /**
     * @param dayLimit       calls per organisation and day (5,000; 1,000 on Xero's Starter tier)
     * @param appMinuteLimit calls per minute across organisations for this instance (10,000 for the app; divide it
     *                       when several instances share one app)
     * @param batchSize      items per write request (Xero recommends about 50; fewer for documents with many lines,
     *                       since a request may be at most 3.5 MB)
     */
    public record Xero(@DefaultValue("5000") int dayLimit, @DefaultValue("10000") int appMinuteLimit,
                       @DefaultValue("50") int batchSize) {
        public Xero {
            require(dayLimit >= 1, "sxs.xero.day-limit must be positive, got " + dayLimit);
            require(appMinuteLimit >= 1, "sxs.xero.app-minute-limit must be positive, got " + appMinuteLimit);
            require(batchSize >= 1 && batchSize <= 100, "sxs.xero.batch-size must be 1..100, got " + batchSize);
        }
    }

    /**
     * The control API ({@code /api/}), the status page and the actuator beyond health.
     *
     * @param token     the operator's bearer token; empty: generated once into the data folder for the embedded
     *                  default (and printed), required with an external cluster
     * @param publicUrl where a person's browser reaches this deployment (for the Xero OAuth redirect URI); empty:
     *                  http://localhost:{server.port}
     * @param xeroClientId     the Xero app's OAuth2 client id (empty: connecting Xero by OAuth is off)
     * @param xeroClientSecret the Xero app's OAuth2 client secret
     * @param xeroAuthorizeUrl where a person's browser consents (Xero's login server)
     * @param xeroScopes       the scopes asked for (default: Xero's granular scopes, which apps created from March 2026 need)
     * @param xeroIdentityUrl  Xero's identity server (its token endpoint is {@code /connect/token} under it)
     * @param xeroConnectionsUrl Xero's connections endpoint (the organisations a grant reaches)
     * @param xeroApiUrl       the Xero Accounting API a new connection uses
     * @param refreshAhead     how long before an access token expires it is refreshed
     * @param refreshUnusedAfter a refresh token not used for this long is refreshed anyway (Xero's expire after 60
     *                  days unused)
     */
    public record Control(String token, String publicUrl, String xeroClientId, String xeroClientSecret,
                          @DefaultValue("https://login.xero.com/identity/connect/authorize") String xeroAuthorizeUrl,
                          @DefaultValue(io.sxs.connector.xero.auth.XeroIdentityClient.SCOPES) String xeroScopes,
                          @DefaultValue("https://identity.xero.com") String xeroIdentityUrl,
                          @DefaultValue("https://api.xero.com/connections") String xeroConnectionsUrl,
                          @DefaultValue("https://api.xero.com/api.xro/2.0") String xeroApiUrl,
                          @DefaultValue("5m") Duration refreshAhead,
                          @DefaultValue("30d") Duration refreshUnusedAfter) {
        public Control {
            require(!refreshAhead.isNegative() && refreshAhead.compareTo(Duration.ofMinutes(25)) <= 0,
                    "sxs.control.refresh-ahead must be 0..25m (a Xero access token lasts 30 minutes), got " + refreshAhead);
            require(refreshUnusedAfter.compareTo(Duration.ofDays(1)) >= 0 && refreshUnusedAfter.compareTo(Duration.ofDays(59)) <= 0,
                    "sxs.control.refresh-unused-after must be 1d..59d, got " + refreshUnusedAfter);
        }

        @Override
        public String toString() {
            return "Control[token=" + (token == null || token.isEmpty() ? "generated" : "****") + ", publicUrl=" + publicUrl
                    + ", xeroClientId=" + xeroClientId + ", xeroClientSecret="
                    + (xeroClientSecret == null || xeroClientSecret.isEmpty() ? "none" : "****") + ", xeroIdentityUrl="
                    + xeroIdentityUrl + ", xeroApiUrl=" + xeroApiUrl + "]";
        }
    }

    public record Mapper(@DefaultValue("10m") Duration dependencyTimeout, @DefaultValue("30s") Duration punctuateInterval) {
    }

    /**
     * The demo: both sandboxes seeded, one connection, a summary of the initial sync.
     *
     * @param contactMode    the demo connection's contact mode
     * @param limits         true: the sandboxes enforce the APIs' real limits and quotas; false: none
     * @param scoroDailyQuota the Scoro site's daily quota (500 is Scoro's documented default; larger plans exist)
     * @param timeRate       how many times as fast as real time the sandboxes' (and the pipeline's) clocks run: 1 for
     *                       a real demo; more to see a day of quotas and idle polling in minutes
     * @param invoiceDirection the demo connection's invoice direction
     * @param webhooks       the sandboxes deliver webhooks to the app (false: polling only)
     * @param connections    connections in all: the first syncs the demo data, the others pair empty organisations
     *                       (to see many connections in one JVM)
     * @param trackingCategory the Xero tracking category the demo connection syncs (the demo organisation has two)
     * @param itemDirection  the demo connection's items (products) direction
     * @param billDirection  the demo connection's bills direction
     * @param payments       after the initial sync, the demo pays some synced invoices and a bill in Xero (as a user
     *                       would) and reports what reached Scoro
     */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("18081") int xeroPort,
                       @DefaultValue("18082") int scoroPort, @DefaultValue("42") long seed,
                       @DefaultValue("20") int contacts, @DefaultValue("50") int invoices,
                       @DefaultValue("3s") Duration pollInterval,
                       @DefaultValue("WITH_DOCUMENTS") io.sxs.schemas.envelope.ContactMode contactMode,
                       @DefaultValue("true") boolean limits, @DefaultValue("500") int scoroDailyQuota,
                       @DefaultValue("1") double timeRate, @DefaultValue("TO_XERO") io.sxs.schemas.envelope.Direction invoiceDirection,
                       @DefaultValue("true") boolean webhooks, @DefaultValue("1") int connections,
                       @DefaultValue("Region") String trackingCategory,
                       @DefaultValue("TO_XERO") io.sxs.schemas.envelope.Direction itemDirection,
                       @DefaultValue("TO_XERO") io.sxs.schemas.envelope.Direction billDirection,
                       @DefaultValue("true") boolean payments) {
        public Demo {
            require(contacts >= 1 && invoices >= 1, "sxs.demo.contacts and sxs.demo.invoices must be at least 1");
            require(pollInterval.toMillis() >= 100, "sxs.demo.poll-interval must be at least 100ms, got " + pollInterval);
            require(scoroDailyQuota >= 1, "sxs.demo.scoro-daily-quota must be positive, got " + scoroDailyQuota);
            require(timeRate > 0 && timeRate <= 10_000, "sxs.demo.time-rate must be in (0, 10000], got " + timeRate);
            require(connections >= 1 && connections <= 100_000, "sxs.demo.connections must be 1..100000, got " + connections);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidConfigurationException(message);
        }
    }

    /** A setting that cannot work; the application refuses to start and names it. */
    public static class InvalidConfigurationException extends IllegalArgumentException {
        public InvalidConfigurationException(String message) {
            super(message);
        }
    }
}
