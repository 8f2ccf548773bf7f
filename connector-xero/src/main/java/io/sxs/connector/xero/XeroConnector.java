package io.sxs.connector.xero;

import io.sxs.connector.budget.ApiBudget;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.runtime.SystemConnector;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.preflight.XeroFactsReader;
import io.sxs.connector.xero.sink.XeroCommandWriter;
import io.sxs.connector.xero.webhook.XeroWebhookDelivery;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import java.util.List;

/**
 * Wires the Xero side of the pipeline: one shared client (and so one budget per organisation), and the entities of
 * {@link XeroEntities} (their readers, and one batch writer over their sinks). With webhooks configured for the app, Xero announces contact, invoice and credit-note changes, so those
 * entities are polled only as a safety net.
 */
public final class XeroConnector implements SystemConnector {

    private final XeroClient client;
    private final boolean webhooks;
    private final List<EntityReader> readers;
    private final XeroEntities entities;
    private final XeroCommandWriter writer;

    /** @param webhooks true when the app's webhook (with its signing key) delivers to this deployment */
    public XeroConnector(XeroClient client, boolean webhooks) {
        this(client, webhooks, XeroCommandWriter.DEFAULT_BATCH_SIZE);
    }

    public XeroConnector(XeroClient client, boolean webhooks, int batchSize) {
        this.client = client;
        this.webhooks = webhooks;
        this.entities = new XeroEntities(client);
        this.readers = entities.readers();
        this.writer = new XeroCommandWriter(client, batchSize, entities);
    }

    @Override
    public SystemType system() {
        return SystemType.XERO;
    }

    @Override
    public List<EntityReader> readers() {
        return readers;
    }

    @Override
    public CommandWriter writer() {
        return writer;
    }

    @Override
    public ApiBudget budget(ConnectionConfig connection) {
        return client.budget(connection.getXero().getTenantId());
    }

    @Override
    public EntityType readBy(EntityType written) {
        return entities.readBy(written);
    }

    @Override
    public boolean webhooksCover(ConnectionConfig connection, EntityType entity) {
        return webhooks && XeroWebhookDelivery.ENTITIES.contains(entity);
    }

    @Override
    public ConnectionFacts.Builder facts(ConnectionContext connection) throws ApiException {
        return new XeroFactsReader(client).read(connection);
    }

    @Override
    public void useCredentials(io.sxs.connector.runtime.CredentialsTable credentials) {
        client.tokens().use(credentials);
    }

    @Override
    public void maintain(ConnectionContext connection) throws ApiException {
        client.tokens().keepAlive(connection);
    }

    public XeroClient client() {
        return client;
    }
}
