package io.sxs.schemas.registry;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.Direction;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes a connection's per-entity directions ({@code ConnectionConfig.directions}, keyed by entity name).
 * A connection written before the map existed keeps the meaning of its legacy fields ({@code invoices}, {@code bills},
 * {@code items}); writers set both, so an instance not yet upgraded reads the same direction during a rolling upgrade.
 */
public final class ConnectionDirections {

    private ConnectionDirections() {
    }

    /** The direction that applies to {@code entity} (credit notes follow invoices); null for entities without one. */
    public static Direction of(ConnectionConfig connection, EntityType entity) {
        EntityDescriptor descriptor = EntityRegistry.of(entity);
        if (descriptor.ownership() != OwnershipRule.DIRECTION) {
            return null;
        }
        EntityType key = descriptor.directionOf();
        Map<String, Direction> map = connection.getDirections();
        Direction set = map == null ? null : map.get(key.name());
        if (set != null) {
            return set;
        }
        Direction legacy = switch (key) {
            case INVOICE -> connection.getInvoices();
            case BILL -> connection.getBills();
            case ITEM -> connection.getItems();
            default -> null;
        };
        return legacy != null ? legacy : EntityRegistry.of(key).defaultDirection();
    }

    /** The entities a direction is set for (each one's followers, e.g. credit notes after invoices, go with it). */
    public static java.util.List<EntityType> configurable() {
        return EntityRegistry.all().stream().filter(d -> d.ownership() == OwnershipRule.DIRECTION && d.directionOf() == d.type())
                .map(EntityDescriptor::type).toList();
    }

    /** Sets the direction of {@code entity} (and of every entity that follows it) on a connection being built. */
    public static ConnectionConfig.Builder set(ConnectionConfig.Builder connection, EntityType entity, Direction direction) {
        EntityDescriptor descriptor = EntityRegistry.of(entity);
        if (descriptor.ownership() != OwnershipRule.DIRECTION) {
            throw new IllegalArgumentException(entity + " has no direction setting (" + descriptor.ownership() + ")");
        }
        EntityType key = descriptor.directionOf();
        Map<String, Direction> map = new HashMap<>(connection.hasDirections() ? connection.getDirections() : Map.of());
        map.put(key.name(), direction);
        connection.setDirections(map);
        switch (key) {
            case INVOICE -> connection.setInvoices(direction);
            case BILL -> connection.setBills(direction);
            case ITEM -> connection.setItems(direction);
            default -> { }
        }
        return connection;
    }

    /** The same for a built connection (tests and tools edit configurations in place). */
    public static void set(ConnectionConfig connection, EntityType entity, Direction direction) {
        ConnectionConfig.Builder builder = ConnectionConfig.newBuilder(connection);
        set(builder, entity, direction);
        connection.setDirections(builder.getDirections());
        connection.setInvoices(builder.getInvoices());
        connection.setBills(builder.getBills());
        connection.setItems(builder.getItems());
    }
}
