package io.sxs.mapper.process;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global connections store equal to the compacted {@code sxs.connections} topic (tombstone = removed). The
 * store holds each configuration's bytes, so that the processors decode a configuration once per version
 * ({@link ConnectionTable}) instead of on every look-up; a record that does not decode is skipped, as before.
 */
public final class ConnectionsUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsUpdater.class);

    private final String storeName;
    private final Deserializer<SpecificRecordBase> decoder;
    private KeyValueStore<String, byte[]> store;

    public ConnectionsUpdater(String storeName, Deserializer<SpecificRecordBase> decoder) {
        this.storeName = storeName;
        this.decoder = decoder;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            ConnectionTable.decode(decoder, record.value());
        } catch (SerializationException e) {
            LOG.error("Unreadable configuration of connection {} skipped; the previous one stays in force", record.key(), e);
            return;
        }
        store.put(record.key(), record.value());
    }
}
