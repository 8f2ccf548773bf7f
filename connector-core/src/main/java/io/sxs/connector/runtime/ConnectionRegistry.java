package io.sxs.connector.runtime;

import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.registry.ConnectionLinks;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections table, read in full from the compacted connections topic and followed for changes, and which of
 * them are refused for linking a Scoro entity or Xero organisation another connection holds ({@link ConnectionLinks},
 * rebuilt on the first question after a change).
 */
public final class ConnectionRegistry implements AutoCloseable {

    private final CompactedTable<ConnectionConfig> table;
    private final AtomicLong changes = new AtomicLong();
    private volatile Links links = new Links(-1, null);

    public ConnectionRegistry(ConnectorSettings settings, String name) {
        this.table = new CompactedTable<>(settings, Topics.CONNECTIONS, name + "-connections", key -> changes.incrementAndGet());
    }

    /** Why the connection may not sync because of its links, or null. */
    public String linkRefusal(ConnectionConfig connection) {
        Links current = links;
        long seen = changes.get();
        if (current.version != seen) {
            current = new Links(seen, ConnectionLinks.of(table.all()));
            links = current;
        }
        return current.links.refusal(connection);
    }

    private record Links(long version, ConnectionLinks links) {
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
