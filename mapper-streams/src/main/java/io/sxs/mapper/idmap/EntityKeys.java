package io.sxs.mapper.idmap;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.MissingDependency;
import io.sxs.schemas.registry.SystemNames;

/** Builds the {@link EntityKey} of the mapper's stores. */
public final class EntityKeys {

    private EntityKeys() {
    }

    public static EntityKey of(String connectionId, EntityType entity, SystemType system, String id) {
        return EntityKey.newBuilder().setConnectionId(connectionId).setEntity(entity).setSystem(system).setId(id).build();
    }

    public static EntityKey of(ChangeRecord change) {
        return of(change.getConnectionId(), change.getEntity(), change.getSystem(), change.getSourceId());
    }

    public static EntityKey of(String connectionId, MissingDependency dependency) {
        return of(connectionId, dependency.getEntity(), dependency.getSystem(), dependency.getId());
    }

    public static boolean matches(MissingDependency dependency, EntityType entity, SystemType system, String id) {
        return dependency.getEntity() == entity && dependency.getSystem() == system && dependency.getId().equals(id);
    }

    /** "contact 12 in Scoro": how the sync log names an item. */
    public static String describe(EntityType entity, SystemType system, String id) {
        return name(entity, id) + " in " + SystemNames.of(system);
    }

    /** "credit note 12". */
    public static String name(EntityType entity, String id) {
        return entity.name().toLowerCase().replace('_', ' ') + " " + id;
    }

    public static String describe(MissingDependency dependency) {
        return describe(dependency.getEntity(), dependency.getSystem(), dependency.getId());
    }
}
