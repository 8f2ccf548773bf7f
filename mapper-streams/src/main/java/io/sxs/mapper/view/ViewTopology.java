package io.sxs.mapper.view;

import io.sxs.mapper.serde.ConnectionKeyPrefix;
import io.sxs.mapper.serde.MapperSerdes;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.ConnectionPartitioner;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSide;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The merged view's topology: the mapper's ID map and latest-state changelogs, the sync log and the connections in,
 * one {@code sxs.view.<entity>} record per changed item out.
 *
 * <pre>
 *  sxs-mapper-idmap-changelog ──┐
 *  sxs-mapper-latest-changelog ─┼─ view processors ── sxs.view.&lt;entity&gt; (ViewKey → ViewRecord, compacted)
 *  sxs.sync-log ────────────────┤     stores: sides (EntityKey → ViewSide), connections
 *  sxs.connections ─────────────┘
 * </pre>
 *
 * Every input is co-partitioned by connection (the changelogs follow the mapper's input partitions), so the two sides
 * of an item and its connection meet in one task. It reads the mapper's output, never its input, so the view can be
 * rebuilt, and added to a running deployment, without touching the mapper.
 */
public final class ViewTopology {

    static final String SIDES_STORE = Topics.VIEW_SIDES_STORE;
    static final String CONNECTIONS_STORE = Topics.VIEW_CONNECTIONS_STORE;

    private ViewTopology() {
    }

    public static Topology build(Map<String, Object> serdeConfig) {
        MapperSerdes serdes = new MapperSerdes(serdeConfig);
        AvroSerde<SpecificRecordBase> values = serdes.value();
        Serde<EntityKey> keys = serdes.key();
        ConnectionKeyPrefix prefix = new ConnectionKeyPrefix(keys.serializer());
        ByteArrayDeserializer bytes = new ByteArrayDeserializer();
        Topology topology = new Topology();
        String[] processors = new String[ViewProcessor.Input.values().length];
        for (ViewProcessor.Input input : ViewProcessor.Input.values()) {
            String source = "view-source-" + input.name().toLowerCase();
            String processor = "view-" + input.name().toLowerCase();
            topology.addSource(source, bytes, bytes, topic(input));
            topology.addProcessor(processor, () -> new ViewProcessor(input, values, keys.deserializer(), prefix), source);
            processors[input.ordinal()] = processor;
        }
        AvroSerde<ViewSide> sides = serdes.value();
        AvroSerde<ConnectionConfig> connections = serdes.value();
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIDES_STORE), keys, sides)
                .withLoggingEnabled(Map.of()), processors);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONNECTIONS_STORE),
                Serdes.String(), connections).withLoggingEnabled(Map.of()), processors);
        AvroSerde<ViewKey> viewKeys = new AvroSerde<>();
        viewKeys.configure(serdeConfig, true);
        AvroSerde<ViewRecord> views = serdes.value();
        topology.addSink("view-sink", (key, value, context) -> Topics.view(key.getEntity()), viewKeys.serializer(),
                views.serializer(), (topic, key, value, partitions) -> Optional.of(Set.of(
                        ConnectionPartitioner.partitionFor(key.getConnectionId(), partitions))), processors);
        return topology;
    }

    private static String topic(ViewProcessor.Input input) {
        return switch (input) {
            case IDMAP -> Topics.IDMAP;
            case LATEST -> Topics.LATEST;
            case SYNC_LOG -> Topics.SYNC_LOG;
            case CONNECTIONS -> Topics.CONNECTIONS;
        };
    }
}
