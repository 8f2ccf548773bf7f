package io.sxs.connector.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of one connector instance.
 *
 * @param bootstrapServers Kafka cluster
 * @param instanceId       stable per instance: it names the transactional ids, so a restarted instance fences its
 *                         previous incarnation
 * @param overlap          how far before the watermark each poll re-reads (clock skew, second-granular filters)
 * @param tick             how often the poller checks which connections are due
 * @param clientOverrides  extra Kafka client properties (security settings and the like)
 */
public record ConnectorSettings(String bootstrapServers, String instanceId, Duration overlap, Duration tick,
                                Map<String, Object> clientOverrides) {

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
    }

    public static ConnectorSettings of(String bootstrapServers, String instanceId) {
        return new ConnectorSettings(bootstrapServers, instanceId, null, null, null);
    }
}
