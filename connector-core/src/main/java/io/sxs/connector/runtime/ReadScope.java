package io.sxs.connector.runtime;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.registry.EntityDescriptor;
import io.sxs.schemas.registry.EntityRegistry;
import io.sxs.schemas.registry.OwnershipRule;
import java.util.Set;

/**
 * Whether a connection needs an endpoint read at all: not when every entity it brings is switched OFF by direction
 * and none follows its documents (bills OFF: no bills/list calls). Reading them anyway would only spend the quota
 * on items the mapper skips; when the direction is switched on, the source's first pass reads everything.
 */
final class ReadScope {

    private ReadScope() {
    }

    static boolean wanted(ConnectionConfig config, Set<EntityType> entities) {
        for (EntityType entity : entities) {
            EntityDescriptor d = EntityRegistry.of(entity);
            if (d.ownership() != OwnershipRule.DIRECTION || d.followsDocuments()
                    || ConnectionDirections.of(config, entity) != Direction.OFF) {
                return true;
            }
        }
        return false;
    }
}
