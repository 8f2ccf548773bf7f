package io.sxs.mapper;

import io.sxs.mapper.process.ChangeProcessor;
import io.sxs.mapper.process.ConnectionsUpdater;
import io.sxs.mapper.process.Nodes;
import io.sxs.mapper.process.ResultProcessor;
import io.sxs.mapper.serde.ConnectionKeyPrefix;
import io.sxs.mapper.serde.MapperSerdes;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.PendingChange;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The mapper's topology (Processor API, since the change and result logic each need the ID map, the waiting changes
 * and the latest states together):
 *
 * <pre>
 *  sxs.changes.scoro ─┐
 *  sxs.changes.xero ──┴─ change-processor ─┬─ sxs.commands.xero
 *                                          ├─ sxs.commands.scoro
 *  sxs.results ───────── result-processor ─┴─ sxs.sync-log
 *        stores idmap, pending, latest (logged, shared by both processors); global store connections (sxs.connections)
 * </pre>
 *
 * All inputs are keyed by connection id and co-partitioned, so both processors of a connection run in one task and see
 * the same stores. Values are read as bytes and decoded in the processors so that bad input lands in the sync log.
 */
public final class MapperTopology {

    private MapperTopology() {
    }

    public static Topology build(MapperSettings settings) {
        MapperSerdes serdes = new MapperSerdes(settings.serdeConfig());
        AvroSerde<SpecificRecordBase> decoder = serdes.value();
        StringDeserializer keys = new StringDeserializer();
        ByteArrayDeserializer bytes = new ByteArrayDeserializer();
        Topology topology = new Topology();

        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Nodes.CONNECTIONS_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Nodes.CONNECTIONS_SOURCE, keys, bytes, Topics.CONNECTIONS,
                Nodes.CONNECTIONS_UPDATER, () -> new ConnectionsUpdater(Nodes.CONNECTIONS_STORE, decoder));

        topology.addSource(Nodes.CHANGES_SCORO_SOURCE, keys, bytes, Topics.CHANGES_SCORO);
        topology.addSource(Nodes.CHANGES_XERO_SOURCE, keys, bytes, Topics.CHANGES_XERO);
        topology.addSource(Nodes.RESULTS_SOURCE, keys, bytes, Topics.RESULTS);

        Serde<EntityKey> entityKey = serdes.key();
        ConnectionKeyPrefix connectionPrefix = new ConnectionKeyPrefix(entityKey.serializer());
        topology.addProcessor(Nodes.CHANGE_PROCESSOR, () -> new ChangeProcessor(settings, decoder, connectionPrefix),
                Nodes.CHANGES_SCORO_SOURCE, Nodes.CHANGES_XERO_SOURCE);
        topology.addProcessor(Nodes.RESULT_PROCESSOR, () -> new ResultProcessor(settings, decoder, connectionPrefix),
                Nodes.RESULTS_SOURCE);

        topology.addStateStore(store(Topics.IDMAP_STORE, entityKey, serdes.<IdMapEntry>value()),
                Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);
        topology.addStateStore(store(Topics.PENDING_STORE, entityKey, serdes.<PendingChange>value()),
                Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);
        // Values as read from the change topics: the processors store the bytes, not a re-encoding (see LatestStates).
        topology.addStateStore(store(Topics.LATEST_STORE, entityKey, Serdes.ByteArray()),
                Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Topics.SCOPES_STORE),
                Serdes.String(), Serdes.String()).withLoggingEnabled(java.util.Map.of()), Nodes.CHANGE_PROCESSOR);

        StringSerializer keyOut = new StringSerializer();
        AvroSerde<Command> commands = serdes.value();
        AvroSerde<SyncLogEntry> log = serdes.value();
        topology.addSink(Nodes.COMMANDS_XERO_SINK, Topics.COMMANDS_XERO, keyOut, commands.serializer(),
                Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);
        topology.addSink(Nodes.COMMANDS_SCORO_SINK, Topics.COMMANDS_SCORO, keyOut, commands.serializer(),
                Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);
        topology.addSink(Nodes.SYNC_LOG_SINK, Topics.SYNC_LOG, keyOut, log.serializer(),
                Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);
        // A document whose dependency was never seen asks the dependency's source for it (as a webhook would).
        AvroSerde<SourceHint> hints = serdes.value();
        topology.addSink(Nodes.HINTS_SINK, Topics.SOURCE_HINTS, keyOut, hints.serializer(), Nodes.CHANGE_PROCESSOR);
        return topology;
    }

    /** A persistent key-value store with a (compacted) changelog: the catalogue's sxs-mapper-*-changelog topics. */
    private static <V> StoreBuilder<KeyValueStore<EntityKey, V>> store(String name, Serde<EntityKey> keys, Serde<V> values) {
        KeyValueBytesStoreSupplier supplier = Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, keys, values).withLoggingEnabled(java.util.Map.of());
    }
}
