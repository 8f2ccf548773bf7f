package io.sxs.app.config;

import io.sxs.schemas.topic.KafkaCluster;
import java.util.Map;

/**
 * The Kafka cluster the pipeline uses: the configured one, or the embedded broker, with the client settings
 * ({@code spring.kafka.properties.*}, {@code spring.kafka.security.protocol}, {@code sxs.kafka.*}) that every producer,
 * consumer, admin client and the Streams app get.
 */
public record KafkaEndpoint(KafkaCluster cluster, boolean embedded) {

    public KafkaEndpoint(String bootstrapServers, boolean embedded, Map<String, Object> clientProperties) {
        this(new KafkaCluster(bootstrapServers, clientProperties), embedded);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }
}
