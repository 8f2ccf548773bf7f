package io.sxs.reporting;

import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the raw records of the view topics. Keys and values are read as bytes and decoded here rather than by the
 * consumer's deserializers, so that one record that cannot be decoded is logged by topic, partition and offset and
 * skipped instead of stopping the consumer at that offset for good.
 */
final class ViewRecordDecoder {

    private static final Logger log = LoggerFactory.getLogger(ViewRecordDecoder.class);

    private final AvroSerde<SpecificRecordBase> serde;

    ViewRecordDecoder(AvroSerde<SpecificRecordBase> serde) {
        this.serde = serde;
    }

    /** The change the record carries, or empty (logged) when its key or value is not a view key and record. */
    Optional<ViewChange> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (!(serde.deserialize(record.topic(), record.key()) instanceof ViewKey key)) {
                return skip(record, "its key is not a ViewKey");
            }
            if (record.value() == null) {
                return Optional.of(new ViewChange(record.topic(), record.partition(), record.offset(), key, null));
            }
            if (!(serde.deserialize(record.topic(), record.value()) instanceof ViewRecord value)) {
                return skip(record, "its value is not a ViewRecord");
            }
            if (!value.getConnectionId().equals(key.getConnectionId()) || value.getEntity() != key.getEntity()
                    || !value.getCanonicalId().equals(key.getCanonicalId())) {
                // Compaction goes by the key: a value naming another item would leave two rows for one key.
                return skip(record, "its value names " + value.getConnectionId() + "/" + value.getEntity() + "/"
                        + value.getCanonicalId() + ", its key " + key.getConnectionId() + "/" + key.getEntity() + "/"
                        + key.getCanonicalId());
            }
            return Optional.of(new ViewChange(record.topic(), record.partition(), record.offset(), key, value));
        } catch (RuntimeException e) {
            return skip(record, e.toString());
        }
    }

    private static Optional<ViewChange> skip(ConsumerRecord<byte[], byte[]> record, String reason) {
        log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        return Optional.empty();
    }
}
