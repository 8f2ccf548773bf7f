package io.sxs.connector.xero;

import io.sxs.connector.budget.ApiBudget;
import io.sxs.connector.runtime.SystemConnector;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.contact.XeroContactReader;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.connector.xero.sink.XeroCommandWriter;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import java.util.List;
import java.util.Set;

/**
 * Wires the Xero side of the pipeline: one shared client (and so one budget per organisation), the readers and the
 * writer. With webhooks configured for the app, Xero announces contact, invoice and credit-note changes, so those
 * entities are polled only as a safety net.
 */
public final class XeroConnector implements SystemConnector {

    /** The entities Xero sends webhooks for (CONTACT, INVOICE, CREDITNOTE events). */
    public static final Set<EntityType> WEBHOOK_ENTITIES = Set.of(EntityType.CONTACT, EntityType.INVOICE, EntityType.CREDIT_NOTE);

    private final XeroClient client;
    private final boolean webhooks;
    private final List<EntityReader> readers;
    private final XeroCommandWriter writer;

    /** @param webhooks true when the app's webhook (with its signing key) delivers to this deployment */
    public XeroConnector(XeroClient client, boolean webhooks) {
        this(client, webhooks, XeroCommandWriter.DEFAULT_BATCH_SIZE);
    }

    public XeroConnector(XeroClient client, boolean webhooks, int batchSize) {
        this.client = client;
        this.webhooks = webhooks;
        this.readers = List.of(new XeroContactReader(client), new XeroInvoiceReader(client));
        this.writer = new XeroCommandWriter(client, batchSize);
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
    public boolean webhooksCover(ConnectionConfig connection, EntityType entity) {
        return webhooks && WEBHOOK_ENTITIES.contains(entity);
    }

    public XeroClient client() {
        return client;
    }
}
