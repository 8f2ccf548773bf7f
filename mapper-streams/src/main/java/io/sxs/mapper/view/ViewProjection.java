package io.sxs.mapper.view;

import io.sxs.mapper.ownership.Ownership;
import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.view.ItemLifecycle;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSide;
import io.sxs.schemas.view.ViewSyncState;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The merged view of one item from what is known of its two sides (pure): both ids from the ID map, the owner by the
 * entity's ownership rule, the payload of the owner's latest read (else the other side's), the sync state from the
 * latest outcome of either side and whether a write is in flight, and deletes and voids as lifecycle states.
 */
public final class ViewProjection {

    private ViewProjection() {
    }

    /**
     * The item's canonical id: its system of origin and its id there. An item not in the ID map yet is named after
     * its own side, as the mapper makes it the origin when it first sees it.
     */
    public static String canonicalId(EntityKey key, IdMapEntry mapping) {
        if (mapping == null || mapping.getOrigin() == key.getSystem() || mapping.getCounterpartId() == null) {
            SystemType origin = mapping == null || mapping.getCounterpartId() == null ? key.getSystem() : mapping.getOrigin();
            return origin + ":" + key.getId();
        }
        return mapping.getOrigin() + ":" + mapping.getCounterpartId();
    }

    /**
     * @param connection the connection's configuration, or null when unknown (no owner then)
     * @param scoro      the Scoro side, or null
     * @param xero       the Xero side, or null
     * @return the view record, or null when neither side holds a mapping or a read (nothing to show)
     */
    public static ViewRecord project(String connectionId, EntityType entity, String canonicalId, ConnectionConfig connection,
                                     ViewSide scoro, ViewSide xero) {
        IdMapEntry scoroMap = scoro == null ? null : scoro.getMapping();
        IdMapEntry xeroMap = xero == null ? null : xero.getMapping();
        ChangeRecord scoroRead = scoro == null ? null : scoro.getLatest();
        ChangeRecord xeroRead = xero == null ? null : xero.getLatest();
        if (scoroMap == null && xeroMap == null && scoroRead == null && xeroRead == null) {
            return null;
        }
        SystemType origin = SystemType.valueOf(canonicalId.substring(0, canonicalId.indexOf(':')));
        IdMapEntry originMap = origin == SystemType.SCORO ? scoroMap : xeroMap;
        SystemType owner = null;
        if (connection != null) {
            Ownership ownership = OwnershipPolicy.resolve(connection, entity, originMap != null ? originMap
                    : scoroMap != null ? scoroMap : xeroMap);
            owner = ownership.kind() == Ownership.Kind.OWNED ? ownership.owner() : null;
        }
        SystemType payloadSystem = pickPayload(owner == null ? origin : owner, scoroRead, xeroRead);
        ChangeRecord shown = payloadSystem == SystemType.SCORO ? scoroRead : payloadSystem == SystemType.XERO ? xeroRead : null;
        ViewSide last = later(scoro, xero);
        boolean inFlight = scoroMap != null && scoroMap.getInFlightCommandId() != null
                || xeroMap != null && xeroMap.getInFlightCommandId() != null;
        return ViewRecord.newBuilder()
                .setConnectionId(connectionId)
                .setEntity(entity)
                .setCanonicalId(canonicalId)
                .setScoroId(id(SystemType.SCORO, scoro, xeroMap))
                .setXeroId(id(SystemType.XERO, xero, scoroMap))
                .setOrigin(origin)
                .setOwner(owner)
                .setSyncState(state(last == null ? null : last.getOutcome(), inFlight))
                .setLifecycle(lifecycle(shown, owner == SystemType.SCORO ? scoroMap : owner == SystemType.XERO ? xeroMap : originMap))
                .setPayloadSystem(shown == null ? null : payloadSystem)
                .setPayload(shown == null ? null : settledByXero(shown, payloadSystem, xeroRead))
                .setScoroVersion(scoroRead == null ? null : scoroRead.getSourceVersion())
                .setXeroVersion(xeroRead == null ? null : xeroRead.getSourceVersion())
                .setLastOutcome(last == null ? null : last.getOutcome())
                .setMessage(last == null ? null : last.getMessage())
                .setChangedAt(Instant.ofEpochMilli(Math.max(changedAt(scoro), changedAt(xero))))
                .build();
    }

    private static final java.util.List<String> SETTLEMENT = java.util.List.of("amountPaid", "amountDue", "amountCredited");

    /**
     * Money flows from Xero: a document's settlement (paid, due, credited, and PAID as its status) is Xero's whoever
     * owns the document, so a Scoro payload shows the figures of its Xero copy when there is one.
     */
    static Object settledByXero(ChangeRecord shown, SystemType payloadSystem, ChangeRecord xeroRead) {
        Object payload = shown.getPayload();
        if (payloadSystem != SystemType.SCORO || xeroRead == null || !(payload instanceof SpecificRecordBase own)
                || !(xeroRead.getPayload() instanceof SpecificRecordBase xero) || !own.getSchema().equals(xero.getSchema())
                || own.getSchema().getField("amountDue") == null) {
            return payload;
        }
        SpecificRecordBase copy = org.apache.avro.specific.SpecificData.getForSchema(own.getSchema()).deepCopy(own.getSchema(), own);
        for (String name : SETTLEMENT) {
            Schema.Field field = own.getSchema().getField(name);
            if (field != null) {
                copy.put(field.pos(), xero.get(field.pos()));
            }
        }
        Schema.Field status = own.getSchema().getField("status");
        if (status != null && "PAID".equals(String.valueOf(xero.get(status.pos())))) {
            copy.put(status.pos(), xero.get(status.pos()));
        }
        return copy;
    }

    /** The sync state an outcome leaves an item in; an item with a write in flight is WAITING whatever was logged. */
    public static ViewSyncState state(SyncOutcome outcome, boolean writeInFlight) {
        if (writeInFlight) {
            return ViewSyncState.WAITING;
        }
        if (outcome == null) {
            return ViewSyncState.IN_SYNC;
        }
        return switch (outcome) {
            case WAITING_DEPENDENCY, COMMAND_ISSUED -> ViewSyncState.WAITING;
            case REJECTED, FAILED, DEPENDENCY_MISSING, INVALID_INPUT -> ViewSyncState.FAILED;
            case BLOCKED -> ViewSyncState.BLOCKED;
            case READ, PASS_COMPLETE, WRITTEN, SKIPPED_UNCHANGED, SKIPPED_ECHO, SKIPPED_NOT_OWNER, SKIPPED_OUT_OF_SCOPE,
                    RELEASED -> ViewSyncState.IN_SYNC;
        };
    }

    /** Whether a sync-log outcome says something about an item's sync state (reads and pass ends do not). */
    public static boolean bearsState(SyncOutcome outcome) {
        return outcome != SyncOutcome.READ && outcome != SyncOutcome.PASS_COMPLETE;
    }

    static ItemLifecycle lifecycle(ChangeRecord shown, IdMapEntry ownerMap) {
        if (ownerMap != null && ownerMap.getDeleted() || shown != null && shown.getOperation() == Operation.DELETE) {
            return ItemLifecycle.DELETED;
        }
        String status = shown == null ? null : status(shown.getPayload());
        if (status == null) {
            return ItemLifecycle.ACTIVE;
        }
        return switch (status) {
            case "VOIDED" -> ItemLifecycle.VOIDED;
            case "DELETED", "ARCHIVED" -> ItemLifecycle.DELETED;
            default -> ItemLifecycle.ACTIVE;
        };
    }

    /** The payload's {@code status} field as a name, if it has one (documents, payments, contacts, reference data). */
    private static String status(Object payload) {
        if (!(payload instanceof SpecificRecordBase record)) {
            return null;
        }
        Schema.Field field = record.getSchema().getField("status");
        Object value = field == null ? null : record.get(field.pos());
        return value == null ? null : value.toString();
    }

    private static SystemType pickPayload(SystemType preferred, ChangeRecord scoro, ChangeRecord xero) {
        ChangeRecord first = preferred == SystemType.SCORO ? scoro : xero;
        if (first != null && first.getPayload() != null) {
            return preferred;
        }
        ChangeRecord second = preferred == SystemType.SCORO ? xero : scoro;
        if (second != null && second.getPayload() != null) {
            return OwnershipPolicy.other(preferred);
        }
        return first != null ? preferred : second != null ? OwnershipPolicy.other(preferred) : null;
    }

    /** The item's id in {@code system}: its side's own, else what the other side's mapping names as counterpart. */
    private static String id(SystemType system, ViewSide side, IdMapEntry otherMapping) {
        if (side != null && side.getMapping() != null) {
            return side.getMapping().getId();
        }
        if (side != null && side.getLatest() != null) {
            return side.getLatest().getSourceId();
        }
        return otherMapping == null ? null : otherMapping.getCounterpartId();
    }

    private static ViewSide later(ViewSide a, ViewSide b) {
        if (a == null || a.getOutcome() == null) {
            return b == null || b.getOutcome() == null ? null : b;
        }
        if (b == null || b.getOutcome() == null) {
            return a;
        }
        return b.getOutcomeAt().isAfter(a.getOutcomeAt()) ? b : a;
    }

    private static long changedAt(ViewSide side) {
        return side == null ? 0 : side.getChangedAt().toEpochMilli();
    }
}
