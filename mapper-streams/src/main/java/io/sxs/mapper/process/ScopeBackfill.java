package io.sxs.mapper.process;

import io.sxs.mapper.ownership.Ownership;
import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.registry.EntityDescriptor;
import io.sxs.schemas.registry.EntityRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill on a configuration change. A connection's scope is, per entity, who owns it now (or why nobody does:
 * off, with documents, not synced, inactive connection). When an entity comes into scope (a direction from OFF to
 * TO_XERO, contacts from WITH_DOCUMENTS to FROM_SCORO, a paused connection resumed, an entity new to the registry),
 * every item of it already seen in the owning system is processed again from the {@code latest} store: what was
 * skipped before is brought over without anyone editing a record, and without reading the APIs again. The scope
 * each connection had is kept in the {@code scopes} store, so a change made while the mapper was down is found too.
 * A change of owner between the systems is not a backfill: each side keeps what it has, and changes flow from the
 * new owner from then on.
 */
final class ScopeBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeBackfill.class);
    private static final String OWNED = "OWNED:";

    private final MapperState state;
    private final ChangeHandler changes;
    private final ConnectionTable connections;
    private final KeyValueStore<String, String> scopes;
    /** The configuration each connection had at its last check (the table hands out one object per version). */
    private final Map<String, ConnectionConfig> checked = new HashMap<>();

    ScopeBackfill(MapperState state, ChangeHandler changes, ConnectionTable connections, KeyValueStore<String, String> scopes) {
        this.state = state;
        this.changes = changes;
        this.connections = connections;
        this.scopes = scopes;
    }

    /** @return how many items were processed again */
    int check() {
        int replayed = 0;
        for (String id : connections.ids()) {
            ConnectionConfig config = connections.apply(id);
            if (config == null) {
                checked.remove(id);
                continue;
            }
            if (checked.get(id) == config) {
                continue; // unchanged since the last punctuation: its scope cannot have moved
            }
            checked.put(id, config);
            Map<EntityType, String> now = scope(config);
            String encoded = encode(now);
            String before = scopes.get(id);
            if (encoded.equals(before)) {
                continue;
            }
            scopes.put(id, encoded);
            if (before == null) {
                continue; // first sight of the connection: everything it sees is processed as it arrives
            }
            Map<EntityType, String> old = decode(before);
            for (Map.Entry<EntityType, String> entry : now.entrySet()) {
                String was = old.get(entry.getKey());
                if (entry.getValue().startsWith(OWNED) && (was == null || !was.startsWith(OWNED))) {
                    replayed += backfill(id, entry.getKey(), SystemType.valueOf(entry.getValue().substring(OWNED.length())), was);
                }
            }
        }
        return replayed;
    }

    private int backfill(String connectionId, EntityType entity, SystemType owner, String was) {
        List<ChangeRecord> seen = state.latest().of(connectionId, entity, owner);
        LOG.info("Connection {}: {} now sync from {} (was {}); processing the {} seen before again", connectionId,
                entity, owner, was, seen.size());
        for (ChangeRecord change : seen) {
            changes.replay(change, null);
        }
        return seen.size();
    }

    /** Per synced entity: {@code OWNED:<system>}, or why nobody owns it. */
    static Map<EntityType, String> scope(ConnectionConfig config) {
        Map<EntityType, String> scope = new EnumMap<>(EntityType.class);
        for (EntityDescriptor d : EntityRegistry.all()) {
            if (config.getStatus() != ConnectionStatus.ACTIVE) {
                scope.put(d.type(), "INACTIVE");
                continue;
            }
            Ownership o = OwnershipPolicy.resolve(config, d.type(), null);
            scope.put(d.type(), o.kind() == Ownership.Kind.OWNED ? OWNED + o.owner() : o.kind().name());
        }
        return scope;
    }

    static String encode(Map<EntityType, String> scope) {
        StringBuilder out = new StringBuilder();
        scope.forEach((entity, tag) -> out.append(out.length() == 0 ? "" : ";").append(entity).append('=').append(tag));
        return out.toString();
    }

    static Map<EntityType, String> decode(String encoded) {
        Map<EntityType, String> scope = new EnumMap<>(EntityType.class);
        for (String part : encoded.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    scope.put(EntityType.valueOf(part.substring(0, eq)), part.substring(eq + 1));
                } catch (IllegalArgumentException e) {
                    // an entity this version no longer has
                }
            }
        }
        return scope;
    }
}
