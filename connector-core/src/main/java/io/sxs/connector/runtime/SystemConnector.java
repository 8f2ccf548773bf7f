package io.sxs.connector.runtime;

import io.sxs.connector.budget.ApiBudget;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import java.util.List;

/** What the runtime needs of one system's connector: its readers, its writer and each account's call budget. */
public interface SystemConnector {

    SystemType system();

    List<EntityReader> readers();

    CommandWriter writer();

    /** The budget of the API account the connection uses (Xero: its organisation; Scoro: its site). */
    ApiBudget budget(ConnectionConfig connection);

    /** The entity whose reader reads back what a command of {@code written} wrote (Scoro credit notes are invoices). */
    default EntityType readBy(EntityType written) {
        return written;
    }

    /** True when webhooks announce changes of this entity on this connection, so polling can be a slow safety net. */
    default boolean webhooksCover(ConnectionConfig connection, EntityType entity) {
        return false;
    }

    /**
     * Reads what the pre-flight check needs of this system (currencies, tracking categories, the reference data that
     * will sync) for a connection, before it syncs. The runtime fills in the connection, system and times.
     */
    ConnectionFacts.Builder facts(ConnectionContext connection) throws ApiException;

    /** The rotated credentials of every connection, given once before anything runs (for connectors whose rotate). */
    default void useCredentials(CredentialsTable credentials) {
    }

    /**
     * Upkeep of a connection this instance owns, active or paused, about once a minute: cheap when there is nothing
     * to do (e.g. Xero refreshes a grant that would otherwise expire unused).
     */
    default void maintain(ConnectionContext connection) throws ApiException {
    }

    /** One-time set-up per connection and process, before its first poll (e.g. webhook subscriptions). */
    default void prepare(ConnectionContext connection) throws ApiException {
    }
}
