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
        @DefaultValue Mapper mapper,
        @DefaultValue Demo demo) {

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
    }

    public record Source(@DefaultValue("5s") Duration overlap, @DefaultValue("250ms") Duration tick) {
        public Source {
            require(!overlap.isNegative(), "sxs.source.overlap must not be negative, got " + overlap);
            require(tick.toMillis() > 0, "sxs.source.tick must be positive, got " + tick);
        }
    }

    public record Mapper(@DefaultValue("10m") Duration dependencyTimeout, @DefaultValue("30s") Duration punctuateInterval) {
    }

    /** The demo: both sandboxes seeded, one connection, a summary of the initial sync. */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("18081") int xeroPort,
                       @DefaultValue("18082") int scoroPort, @DefaultValue("42") long seed,
                       @DefaultValue("20") int contacts, @DefaultValue("50") int invoices,
                       @DefaultValue("3s") Duration pollInterval) {
        public Demo {
            require(contacts >= 1 && invoices >= 1, "sxs.demo.contacts and sxs.demo.invoices must be at least 1");
            require(pollInterval.toMillis() >= 100, "sxs.demo.poll-interval must be at least 100ms, got " + pollInterval);
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
