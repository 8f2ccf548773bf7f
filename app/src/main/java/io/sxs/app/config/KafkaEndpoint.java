package io.sxs.app.config;

/** The Kafka cluster the pipeline uses: the configured one, or the embedded broker. */
public record KafkaEndpoint(String bootstrapServers, boolean embedded) {
}
