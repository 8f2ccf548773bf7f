package io.sxs.connector.runtime;

import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.source.EntityReader;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Duration;
import java.util.List;

/**
 * One connector instance for one system: the connections table, the command sink (whose partition assignment decides
 * which connections this instance owns) and the polling source for those connections. Threads are fixed per
 * instance, whatever the number of connections.
 */
public final class ConnectorRuntime implements AutoCloseable {

    private final SystemType system;
    private final ConnectionRegistry registry;
    private final ConnectionOwnership ownership = new ConnectionOwnership();
    private final CommandSink sink;
    private final SourcePoller source;

    public ConnectorRuntime(ConnectorSettings settings, SystemType system, List<EntityReader> readers, CommandWriter writer,
                            SecretCipher cipher) {
        if (writer.system() != system) {
            throw new IllegalArgumentException("Writer is for " + writer.system() + ", runtime for " + system);
        }
        this.system = system;
        this.registry = new ConnectionRegistry(settings, "sxs-" + system.name().toLowerCase());
        this.sink = new CommandSink(settings, writer, registry, cipher, ownership);
        this.source = new SourcePoller(settings, system, readers, registry, ownership, cipher);
    }

    public void start() throws InterruptedException {
        registry.start();
        if (!registry.awaitLoaded(Duration.ofSeconds(60))) {
            throw new IllegalStateException("Connections topic could not be read within 60 s");
        }
        sink.start();
        source.start();
    }

    public SystemType system() {
        return system;
    }

    @Override
    public void close() {
        source.close();
        sink.close();
        registry.close();
    }
}
