package io.sxs.app.check;

import io.sxs.app.pipeline.Pipeline;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ReadItem;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.IndexedRecord;

/**
 * Reads both systems of a connection through their APIs, in full, on each one's budget (backfill lane), and compares
 * them ({@link Convergence}). Its cost is every list page of the compared entities and their contacts on both
 * sides, plus Scoro's views: an operator's check after an incident or a proof, not something to run in a loop.
 */
public final class ConvergenceChecker {

    private final Pipeline pipeline;

    public ConvergenceChecker(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public Convergence.Report check(ConnectionConfig config) throws ApiException {
        Map<EntityType, SystemType> owners = owners(config);
        Set<EntityType> read = EnumSet.of(EntityType.CONTACT);
        read.addAll(owners.keySet());
        return Convergence.compare(config.getConnectionId(), owners, side(SystemType.SCORO, config, read),
                side(SystemType.XERO, config, read));
    }

    /** The owner of each compared entity the connection syncs (a direction other than OFF). */
    static Map<EntityType, SystemType> owners(ConnectionConfig config) {
        Map<EntityType, SystemType> owners = new EnumMap<>(EntityType.class);
        for (Convergence.Kind kind : Convergence.KINDS) {
            Direction d = ConnectionDirections.of(config, kind.entity());
            if (d == Direction.TO_XERO) {
                owners.put(kind.entity(), SystemType.SCORO);
            } else if (d == Direction.TO_SCORO) {
                owners.put(kind.entity(), SystemType.XERO);
            }
        }
        return owners;
    }

    private Convergence.Side side(SystemType system, ConnectionConfig config, Set<EntityType> entities) throws ApiException {
        Map<EntityType, List<ReadItem>> all = pipeline.connector(system).readAll(config, entities);
        Map<EntityType, List<IndexedRecord>> items = new EnumMap<>(EntityType.class);
        Map<String, String> contacts = new HashMap<>();
        all.forEach((entity, list) -> {
            for (ReadItem item : list) {
                if (item.payload() == null) {
                    continue; // reported by the pipeline as invalid, or a delete without a last state
                }
                items.computeIfAbsent(entity, k -> new ArrayList<>()).add(item.payload());
                if (item.payload() instanceof Contact c) {
                    contacts.put(c.getId(), c.getName());
                }
            }
        });
        return new Convergence.Side(items, contacts);
    }
}
