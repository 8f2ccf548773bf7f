package io.sxs.connector.runtime;

import io.sxs.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients of the connector runtime: values are Avro, keys are the connection id or an Avro key record. */
final class KafkaClients {

    private KafkaClients() {
    }

    static KafkaProducer<Object, SpecificRecordBase> transactionalProducer(ConnectorSettings settings, String transactionalId) {
        Map<String, Object> props = settings.cluster().config();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AvroSerde<SpecificRecordBase> values = AvroSerde.forCluster(settings.cluster());
        return new KafkaProducer<>(props, new KeySerializer(values), values);
    }

    /** A plain idempotent producer, for compacted tables whose rows are not part of a read's transaction. */
    static KafkaProducer<Object, SpecificRecordBase> plainProducer(ConnectorSettings settings) {
        Map<String, Object> props = settings.cluster().config();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroSerde<SpecificRecordBase> values = AvroSerde.forCluster(settings.cluster());
        return new KafkaProducer<>(props, new KeySerializer(values), values);
    }

    static <V extends SpecificRecordBase> KafkaConsumer<String, V> stringKeyConsumer(ConnectorSettings settings, String groupId) {
        Map<String, Object> props = settings.cluster().config();
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        AvroSerde<V> values = AvroSerde.forCluster(settings.cluster());
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    static <K extends SpecificRecordBase, V extends SpecificRecordBase> KafkaConsumer<K, V> avroConsumer(ConnectorSettings settings) {
        Map<String, Object> props = settings.cluster().config();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroSerde<K> keys = AvroSerde.forCluster(settings.cluster());
        AvroSerde<V> values = AvroSerde.forCluster(settings.cluster());
        return new KafkaConsumer<>(props, keys, values);
    }

    /** Connection ids go out as plain strings (so Kafka's default partitioner groups a connection), records as Avro. */
    private record KeySerializer(AvroSerde<SpecificRecordBase> avro) implements org.apache.kafka.common.serialization.Serializer<Object> {
        private static final StringSerializer STRINGS = new StringSerializer();

        @Override
        public byte[] serialize(String topic, Object key) {
            if (key instanceof SpecificRecordBase rec) {
                return avro.serialize(topic, rec);
            }
            return STRINGS.serialize(topic, (String) key);
        }
    }

    /** Sends one record and waits until the broker has it ({@code what} names it in the error). */
    static void sendAndWait(KafkaProducer<Object, SpecificRecordBase> producer, String topic, Object key,
                            SpecificRecordBase value, String what) {
        sendAndWait(producer, new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value), what);
    }

    static void sendAndWait(KafkaProducer<Object, SpecificRecordBase> producer,
                            org.apache.kafka.clients.producer.ProducerRecord<Object, SpecificRecordBase> record, String what) {
        try {
            producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving " + what, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not save " + what, e);
        }
    }
}
