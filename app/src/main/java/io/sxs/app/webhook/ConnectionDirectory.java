package io.sxs.app.webhook;

import io.sxs.connector.runtime.ConnectionRegistry;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/** The connections table as the webhook endpoints need it: by id, and by the Xero organisation they link. */
public final class ConnectionDirectory implements SmartLifecycle {

    private final ConnectionRegistry registry;
    private volatile boolean running;

    public ConnectionDirectory(String bootstrapServers, String instanceId) {
        this.registry = new ConnectionRegistry(ConnectorSettings.of(bootstrapServers, instanceId), "sxs-webhooks");
    }

    public Optional<ConnectionConfig> get(String connectionId) {
        return registry.get(connectionId).filter(c -> c.getStatus() == ConnectionStatus.ACTIVE);
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
