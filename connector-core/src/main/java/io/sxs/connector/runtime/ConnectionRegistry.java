package io.sxs.connector.runtime;

import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The connections table, read in full from the compacted connections topic and followed for changes. */
public final class ConnectionRegistry implements AutoCloseable {

    private final CompactedTable<ConnectionConfig> table;

    public ConnectionRegistry(ConnectorSettings settings, String name) {
        this.table = new CompactedTable<>(settings, Topics.CONNECTIONS, name + "-connections", key -> { });
    }

    public void start() {
        table.start();
    }

    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return table.awaitLoaded(timeout);
    }

    public Optional<ConnectionConfig> get(String connectionId) {
        return table.get(connectionId);
    }

    public List<ConnectionConfig> all() {
        return table.all();
    }

    @Override
    public void close() {
        table.close();
    }
}
