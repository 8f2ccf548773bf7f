package io.sxs.mapper.view;

import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the mapper's ID map and latest-state changelogs, the sync log and the connections into one {@link ViewSide}
 * per item and system, and publishes the pair's {@link ViewProjection} under its canonical id after every change. An
 * item that gets a new canonical id (two items matched, so one's origin names both) has its old key tombstoned; a
 * removed or deleted connection has every key tombstoned. Input that does not decode is logged by where it was and
 * skipped: the view is derived state, its sources keep the record.
 */
final class ViewProcessor implements Processor<byte[], byte[], ViewKey, ViewRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(ViewProcessor.class);

    /** Which input a processor instance is attached to. */
    enum Input { IDMAP, LATEST, SYNC_LOG, CONNECTIONS }

    private final Input input;
    private final Deserializer<SpecificRecordBase> values;
    private final Deserializer<EntityKey> keys;
    private final Serializer<String> connectionPrefix;
    private ProcessorContext<ViewKey, ViewRecord> context;
    private KeyValueStore<EntityKey, ViewSide> sides;
    private KeyValueStore<String, ConnectionConfig> connections;

    ViewProcessor(Input input, Deserializer<SpecificRecordBase> values, Deserializer<EntityKey> keys,
                  Serializer<String> connectionPrefix) {
        this.input = input;
        this.values = values;
        this.keys = keys;
        this.connectionPrefix = connectionPrefix;
    }

    @Override
    public void init(ProcessorContext<ViewKey, ViewRecord> context) {
        this.context = context;
        this.sides = context.getStateStore(ViewTopology.SIDES_STORE);
        this.connections = context.getStateStore(ViewTopology.CONNECTIONS_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            switch (input) {
                case IDMAP -> idMap(keys.deserialize(null, record.key()), (IdMapEntry) decode(record.value()), record.timestamp());
                case LATEST -> latest(keys.deserialize(null, record.key()), (ChangeRecord) decode(record.value()), record.timestamp());
                case SYNC_LOG -> syncLog((SyncLogEntry) decode(record.value()));
                case CONNECTIONS -> connection(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8),
                        (ConnectionConfig) decode(record.value()));
            }
        } catch (RuntimeException e) {
            LOG.error("View input skipped ({} at {} offset {}): {}", input,
                    context.recordMetadata().map(m -> m.topic() + "-" + m.partition()).orElse("?"),
                    context.recordMetadata().map(m -> m.offset()).orElse(-1L), e.toString());
        }
    }

    private SpecificRecordBase decode(byte[] bytes) {
        return bytes == null ? null : values.deserialize(null, bytes);
    }

    private void idMap(EntityKey key, IdMapEntry mapping, long at) {
        ViewSide side = side(key);
        if (mapping == null && side.getLatest() == null) {
            forget(key, side);
            return;
        }
        side.setMapping(mapping);
        side.setChangedAt(Instant.ofEpochMilli(at));
        refresh(key, side);
    }

    private void latest(EntityKey key, ChangeRecord change, long at) {
        ViewSide side = side(key);
        side.setLatest(change);
        side.setChangedAt(Instant.ofEpochMilli(at));
        if (change == null && side.getMapping() == null) {
            forget(key, side);
            return;
        }
        refresh(key, side);
    }

    private void syncLog(SyncLogEntry entry) {
        if (entry == null || entry.getEntity() == null || entry.getSystem() == null || !ViewProjection.bearsState(entry.getOutcome())) {
            return;
        }
        // A failed create names no target item: the outcome is the source item's.
        SystemType system = entry.getItemId() != null ? entry.getSystem() : OwnershipPolicy.other(entry.getSystem());
        String id = entry.getItemId() != null ? entry.getItemId() : entry.getCounterpartId();
        if (id == null) {
            return;
        }
        EntityKey key = new EntityKey(entry.getConnectionId(), entry.getEntity(), system, id);
        ViewSide side = side(key);
        side.setOutcome(entry.getOutcome());
        side.setMessage(entry.getMessage());
        side.setOutcomeAt(entry.getAt());
        side.setChangedAt(entry.getAt());
        refresh(key, side);
    }

    private void connection(String connectionId, ConnectionConfig config) {
        if (config == null || config.getStatus() == ConnectionStatus.REMOVED) {
            connections.delete(connectionId);
            List<KeyValue<EntityKey, ViewSide>> rows = new ArrayList<>();
            try (KeyValueIterator<EntityKey, ViewSide> it = sides.prefixScan(connectionId, connectionPrefix)) {
                it.forEachRemaining(rows::add);
            }
            for (KeyValue<EntityKey, ViewSide> row : rows) {
                forget(row.key, row.value);
            }
            if (!rows.isEmpty()) {
                LOG.info("View of connection {} tombstoned ({} item sides)", connectionId, rows.size());
            }
            return;
        }
        ConnectionConfig before = connections.get(connectionId);
        connections.put(connectionId, config);
        if (before != null && !Objects.equals(before.getDirections(), config.getDirections())
                || before != null && before.getContacts() != config.getContacts()) {
            // Owners may have changed: every item of the connection is shown again.
            List<KeyValue<EntityKey, ViewSide>> rows = new ArrayList<>();
            try (KeyValueIterator<EntityKey, ViewSide> it = sides.prefixScan(connectionId, connectionPrefix)) {
                it.forEachRemaining(rows::add);
            }
            rows.forEach(row -> refresh(row.key, row.value));
        }
    }

    private ViewSide side(EntityKey key) {
        ViewSide side = sides.get(key);
        return side != null ? side : ViewSide.newBuilder().build();
    }

    /** Stores the side and publishes its pair under the canonical id, tombstoning a key it was published under before. */
    private void refresh(EntityKey key, ViewSide side) {
        IdMapEntry mapping = side.getMapping();
        String canonical = ViewProjection.canonicalId(key, mapping);
        EntityKey otherKey = mapping == null || mapping.getCounterpartId() == null ? null
                : new EntityKey(key.getConnectionId(), key.getEntity(), OwnershipPolicy.other(key.getSystem()), mapping.getCounterpartId());
        ViewSide other = otherKey == null ? null : sides.get(otherKey);
        ViewSide scoro = key.getSystem() == SystemType.SCORO ? side : other;
        ViewSide xero = key.getSystem() == SystemType.XERO ? side : other;
        ViewRecord view = ViewProjection.project(key.getConnectionId(), key.getEntity(), canonical,
                connections.get(key.getConnectionId()), scoro, xero);
        if (view == null) {
            sides.put(key, side);
            return;
        }
        retire(key, side.getPublishedAs(), canonical);
        side.setPublishedAs(canonical);
        sides.put(key, side);
        if (other != null) {
            retire(otherKey, other.getPublishedAs(), canonical);
            if (!canonical.equals(other.getPublishedAs())) {
                other.setPublishedAs(canonical);
                sides.put(otherKey, other);
            }
        }
        context.forward(new Record<>(new ViewKey(key.getConnectionId(), key.getEntity(), canonical), view,
                view.getChangedAt().toEpochMilli()));
    }

    private void retire(EntityKey key, String publishedAs, String canonical) {
        if (publishedAs != null && !publishedAs.equals(canonical)) {
            context.forward(new Record<>(new ViewKey(key.getConnectionId(), key.getEntity(), publishedAs), null,
                    context.currentSystemTimeMs()));
        }
    }

    private void forget(EntityKey key, ViewSide side) {
        if (side.getPublishedAs() != null) {
            context.forward(new Record<>(new ViewKey(key.getConnectionId(), key.getEntity(), side.getPublishedAs()), null,
                    context.currentSystemTimeMs()));
        }
        sides.delete(key);
    }
}
