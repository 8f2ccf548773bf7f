package io.sxs.connector.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of one connector instance.
 *
 * @param bootstrapServers  Kafka cluster
 * @param instanceId        stable per instance: it names the transactional ids, so a restarted instance fences its
 *                          previous incarnation
 * @param overlap           how far before the watermark each poll re-reads (clock skew, second-granular filters)
 * @param tick              the longest a worker waits before it looks at the timer queue again
 * @param clientOverrides   extra Kafka client properties (security settings and the like)
 * @param workers           worker threads shared by all connections of the connector
 * @param writeLinger       how long a partial batch waits for more commands of its kind before it is sent
 * @param hintLinger        how long webhook news waits for more of the same kind, so that one read covers it all
 * @param safetyNet         the poll interval of entities whose changes webhooks announce (polling only catches what
 *                          a webhook missed)
 * @param maxQueuedCommands commands held for writing at most; beyond it the sink stops consuming until it drains
 */
public record ConnectorSettings(String bootstrapServers, String instanceId, Duration overlap, Duration tick,
                                Map<String, Object> clientOverrides, int workers, Duration writeLinger,
                                Duration hintLinger, Duration safetyNet, int maxQueuedCommands) {

    public ConnectorSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is required");
        }
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("instanceId is required");
        }
        overlap = overlap == null ? Duration.ofSeconds(5) : overlap;
        tick = tick == null ? Duration.ofMillis(250) : tick;
        clientOverrides = clientOverrides == null ? Map.of() : Map.copyOf(clientOverrides);
        workers = workers <= 0 ? 8 : workers;
        writeLinger = writeLinger == null ? Duration.ofMillis(300) : writeLinger;
        hintLinger = hintLinger == null ? Duration.ofMillis(500) : hintLinger;
        safetyNet = safetyNet == null ? Duration.ofMinutes(30) : safetyNet;
        maxQueuedCommands = maxQueuedCommands <= 0 ? 20_000 : maxQueuedCommands;
    }

    /** The cluster with the client settings every client of the connector uses. */
    public io.sxs.schemas.topic.KafkaCluster cluster() {
        return new io.sxs.schemas.topic.KafkaCluster(bootstrapServers, clientOverrides);
    }

    /** Client settings may hold secrets (a SASL password): they print masked, as {@link #cluster()} does. */
    @Override
    public String toString() {
        return "ConnectorSettings[" + cluster() + ", instance " + instanceId + ", workers " + workers + "]";
    }

    public static ConnectorSettings of(String bootstrapServers, String instanceId) {
        return new ConnectorSettings(bootstrapServers, instanceId, null, null, null, 0, null, null, null, 0);
    }

    public ConnectorSettings withOverlap(Duration value) {
        return new ConnectorSettings(bootstrapServers, instanceId, value, tick, clientOverrides, workers, writeLinger,
                hintLinger, safetyNet, maxQueuedCommands);
    }

    public ConnectorSettings withTick(Duration value) {
        return new ConnectorSettings(bootstrapServers, instanceId, overlap, value, clientOverrides, workers, writeLinger,
                hintLinger, safetyNet, maxQueuedCommands);
    }

    public ConnectorSettings withWorkers(int value) {
        return new ConnectorSettings(bootstrapServers, instanceId, overlap, tick, clientOverrides, value, writeLinger,
                hintLinger, safetyNet, maxQueuedCommands);
    }

    public ConnectorSettings withWriteLinger(Duration value) {
        return new ConnectorSettings(bootstrapServers, instanceId, overlap, tick, clientOverrides, workers, value,
                hintLinger, safetyNet, maxQueuedCommands);
    }

    public ConnectorSettings withHintLinger(Duration value) {
        return new ConnectorSettings(bootstrapServers, instanceId, overlap, tick, clientOverrides, workers, writeLinger,
                value, safetyNet, maxQueuedCommands);
    }

    public ConnectorSettings withSafetyNet(Duration value) {
        return new ConnectorSettings(bootstrapServers, instanceId, overlap, tick, clientOverrides, workers, writeLinger,
                hintLinger, value, maxQueuedCommands);
    }

    public ConnectorSettings withClientOverrides(Map<String, Object> value) {
        return new ConnectorSettings(bootstrapServers, instanceId, overlap, tick, value, workers, writeLinger,
                hintLinger, safetyNet, maxQueuedCommands);
    }
}
