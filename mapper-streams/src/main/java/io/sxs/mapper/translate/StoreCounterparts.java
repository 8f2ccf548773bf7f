package io.sxs.mapper.translate;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.mapper.idmap.IdMap;
import io.sxs.mapper.latest.LatestStates;
import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.EntityKey;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Counterparts of one connection's items from the mapper's stores: ids from the ID map; codes from the latest state of
 * the counterpart (the code the target system holds), else of the referenced item itself (both systems keep the same
 * code for a synced item, and the counterpart's state may not have been read back yet).
 */
public final class StoreCounterparts implements ReferenceTranslator.Counterparts {

    private final String connectionId;
    private final IdMap idMap;
    private final LatestStates latest;

    public StoreCounterparts(String connectionId, IdMap idMap, LatestStates latest) {
        this.connectionId = connectionId;
        this.idMap = idMap;
        this.latest = latest;
    }

    @Override
    public String find(EntityType entity, SystemType sourceSystem, String id) {
        return idMap.counterpartOf(EntityKeys.of(connectionId, entity, sourceSystem, id));
    }

    @Override
    public String code(EntityType entity, SystemType sourceSystem, String id, String counterpart) {
        String code = codeOf(EntityKeys.of(connectionId, entity, OwnershipPolicy.other(sourceSystem), counterpart));
        return code != null ? code : codeOf(EntityKeys.of(connectionId, entity, sourceSystem, id));
    }

    private String codeOf(EntityKey key) {
        ChangeRecord state = latest.get(key);
        if (state == null || !(state.getPayload() instanceof SpecificRecordBase payload)) {
            return null;
        }
        Schema.Field code = payload.getSchema().getField("code");
        Object value = code == null ? null : payload.get(code.pos());
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
