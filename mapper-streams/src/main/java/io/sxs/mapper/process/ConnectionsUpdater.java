package io.sxs.mapper.process;

import io.sxs.schemas.envelope.ConnectionConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global connections store equal to the compacted {@code sxs.connections} topic (tombstone = removed). */
public final class ConnectionsUpdater implements Processor<String, ConnectionConfig, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, ConnectionConfig> store;

    public ConnectionsUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ConnectionConfig> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
