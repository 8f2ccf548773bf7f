package io.sxs.connector.runtime;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionCredentials;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Rotated credentials of every connection (the compacted {@code sxs.credentials}, followed): what a connector uses in
 * place of the tokens the connection was saved with, once it has refreshed them, and whether a connection's grant was
 * refused ({@link CredentialState#AUTH_REQUIRED}), which stops both systems' sides of it. A row counts only while its
 * grant is the connection's: connecting again (a new grant) supersedes it.
 */
public final class CredentialsTable implements CredentialStore, AutoCloseable {

    private final CompactedTable<ConnectionCredentials> table;
    private final KafkaProducer<Object, SpecificRecordBase> producer;

    /** @param changed told the connection id of every row read after the initial load */
    CredentialsTable(ConnectorSettings settings, String threadName, Consumer<String> changed) {
        this.table = new CompactedTable<>(settings, Topics.CREDENTIALS, threadName,
                key -> changed.accept(key.substring(0, key.lastIndexOf('/'))));
        this.producer = KafkaClients.plainProducer(settings);
    }

    public static String key(String connectionId, SystemType system) {
        return connectionId + "/" + system.name();
    }

    void start() throws InterruptedException {
        table.start();
        if (!table.awaitLoaded(Duration.ofSeconds(60))) {
            throw new IllegalStateException("Credentials topic could not be read within 60 s");
        }
    }

    /**
     * The grant a connection's saved tokens belong to: its Xero grantId, or for a connection written without one,
     * the version it was saved as (saving it again with other tokens starts afresh). Null for systems that do not rotate.
     */
    public static String grantOf(ConnectionConfig connection, SystemType system) {
        if (system != SystemType.XERO) {
            return null;
        }
        String grant = connection.getXero().getGrantId();
        return grant != null ? grant : "saved-" + connection.getUpdatedAt().toEpochMilli();
    }

    @Override
    public Optional<ConnectionCredentials> current(ConnectionConfig connection, SystemType system) {
        String grant = grantOf(connection, system);
        if (grant == null) {
            return Optional.empty();
        }
        return table.get(key(connection.getConnectionId(), system)).filter(c -> grant.equals(c.getGrantId()));
    }

    @Override
    public void publish(ConnectionCredentials credentials) {
        String key = key(credentials.getConnectionId(), credentials.getSystem());
        KafkaClients.sendAndWait(producer, Topics.CREDENTIALS, key, credentials, "the credentials of " + key);
        table.putLocal(key, credentials);
    }

    /** Deletes {@code system}'s credentials of connections deleted from the connections topic. */
    int deleteOf(java.util.function.Predicate<String> deletedConnection, SystemType system) {
        return table.deleteWhere(k -> k.endsWith("/" + system.name())
                && deletedConnection.test(k.substring(0, k.lastIndexOf('/'))), producer);
    }

    @Override
    public void close() {
        table.close();
        producer.close(Duration.ofSeconds(5));
    }
}
