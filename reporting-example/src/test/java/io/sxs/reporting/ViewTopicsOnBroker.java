package io.sxs.reporting;

import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.kafka.embedded.FreePorts;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An in-process broker with the view topics created as the pipeline creates them (compacted, several partitions),
 * and a producer that publishes view records as the view builder does: Avro single-object encoded, writer schemas
 * registered on sxs.schemas, in transactions.
 */
final class ViewTopicsOnBroker implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;
    private final KafkaCluster cluster;
    /**
     * The publisher's settings differ from the readers' by one harmless setting, so that it gets a schema store of
     * its own: the readers' store must then read the writer schemas from sxs.schemas, as in another process.
     */
    private final KafkaCluster publisher;
    private final KafkaProducer<SpecificRecordBase, SpecificRecordBase> producer;

    private ViewTopicsOnBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.cluster = new KafkaCluster(broker.bootstrapServers(), broker.clientSecurity());
        Map<String, Object> publisherSettings = new java.util.HashMap<>(broker.clientSecurity());
        publisherSettings.put("client.dns.lookup", "use_all_dns_ips");
        this.publisher = new KafkaCluster(broker.bootstrapServers(), publisherSettings);
        try (Admin admin = Admin.create(cluster.config())) {
            admin.createTopics(Topics.views().stream().map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList())
                    .all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not create the view topics", e);
        }
        AvroSerde<SpecificRecordBase> serde = AvroSerde.forCluster(publisher);
        producer = new KafkaProducer<>(publisher.config(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "view-builder-under-test"),
                serde.serializer(), serde.serializer());
        producer.initTransactions();
    }

    static ViewTopicsOnBroker start() {
        return start(null, null);
    }

    /** With a user, clients must authenticate with SASL/PLAIN. */
    static ViewTopicsOnBroker start(String saslUser, String saslPassword) {
        try {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(FreePorts.next(), FreePorts.next(),
                    Files.createTempDirectory("sxs-reporting-kafka-"));
            if (saslUser != null) {
                broker.withSaslPlain(saslUser, saslPassword);
            }
            return new ViewTopicsOnBroker(broker.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster as the reporting consumer connects to it. */
    KafkaCluster cluster() {
        return cluster;
    }

    /** Publishes the records in one committed transaction. */
    void publish(List<ViewScenario.Published> records) {
        producer.beginTransaction();
        send(records);
        producer.commitTransaction();
    }

    /** Publishes the records in a transaction that is then aborted: a read_committed consumer never sees them. */
    void publishAborted(List<ViewScenario.Published> records) {
        producer.beginTransaction();
        send(records);
        producer.flush();
        producer.abortTransaction();
    }

    private void send(List<ViewScenario.Published> records) {
        for (ViewScenario.Published record : records) {
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
        }
    }

    /** A record whose value is not Avro single-object encoded, as a misbehaving producer would write. */
    void publishUndecodable(String topic, ViewKey key, byte[] value) {
        AvroSerde<SpecificRecordBase> serde = AvroSerde.forCluster(publisher);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(publisher.config(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, serde.serialize(topic, key), value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static ViewScenario.Published tombstone(ViewRecord of) {
        return new ViewScenario.Published(Topics.view(of.getEntity()),
                ViewScenario.key(of.getConnectionId(), of.getEntity(), of.getCanonicalId()), null);
    }

    @Override
    public void close() {
        producer.close();
        broker.close();
    }
}
