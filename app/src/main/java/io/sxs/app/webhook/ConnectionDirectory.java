package io.sxs.app.webhook;

import io.sxs.connector.runtime.ConnectionRegistry;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * The connections table as this process's endpoints need it (followed from the topic): active ones by id and by the
 * Xero organisation they link for webhooks, and every one for the control API.
 */
public final class ConnectionDirectory implements SmartLifecycle {

    private final ConnectionRegistry registry;
    private volatile boolean running;

    public ConnectionDirectory(io.sxs.schemas.topic.KafkaCluster cluster, String instanceId) {
        this.registry = new ConnectionRegistry(ConnectorSettings.of(cluster.bootstrapServers(), instanceId)
                .withClientOverrides(cluster.clientProperties()), "sxs-webhooks");
    }

    public Optional<ConnectionConfig> get(String connectionId) {
        return registry.get(connectionId).filter(c -> c.getStatus() == ConnectionStatus.ACTIVE);
    }

    /** Any connection, whatever its status. */
    public Optional<ConnectionConfig> find(String connectionId) {
        return registry.get(connectionId);
    }

    public List<ConnectionConfig> all() {
        return registry.all();
    }

    /** Why the connection may not sync because of its links, or null. */
    public String linkRefusal(ConnectionConfig connection) {
        return registry.linkRefusal(connection);
    }

    public List<ConnectionConfig> byXeroTenant(String tenantId) {
        return registry.all().stream().filter(c -> c.getStatus() == ConnectionStatus.ACTIVE
                && tenantId.equals(c.getXero().getTenantId())).toList();
    }

    @Override
    public void start() {
        registry.start();
        try {
            registry.awaitLoaded(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        registry.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the topics exist (the pipeline creates them). */
    @Override
    public int getPhase() {
        return io.sxs.app.pipeline.Pipeline.PHASE + 1;
    }
}
