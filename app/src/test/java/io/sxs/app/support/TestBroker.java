package io.sxs.app.support;

import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.kafka.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kafka broker of one test class: a real in-process KRaft broker on free ports in a temporary folder by default,
 * or, with {@code -Dsxs.test.broker=container} where Docker exists, Kafka in a container (testcontainers-kafka,
 * the apache/kafka image), so the suite can run against the real distribution too.
 */
public final class TestBroker {

    /** What a test needs of its broker: where it is, and how to stop it. */
    public record Running(String bootstrapServers, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    private TestBroker() {
    }

    public static Running start() {
        if ("container".equals(System.getProperty("sxs.test.broker"))) {
            return container();
        }
        try {
            Path dir = Files.createTempDirectory("sxs-kafka-");
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(FreePorts.next(), FreePorts.next(), dir).start();
            return new Running(broker.bootstrapServers(), broker::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Running container() {
        if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-Dsxs.test.broker=container needs a Docker engine; none answers here");
        }
        org.testcontainers.kafka.KafkaContainer kafka = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.2")
                // Exactly-once on one broker: the transaction log must accept one replica.
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
        return new Running(kafka.getBootstrapServers(), kafka::stop);
    }
}
