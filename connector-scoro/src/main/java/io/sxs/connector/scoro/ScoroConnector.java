package io.sxs.connector.scoro;

import io.sxs.connector.budget.ApiBudget;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.runtime.SystemConnector;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.contact.ScoroContactReader;
import io.sxs.connector.scoro.invoice.ScoroInvoiceReader;
import io.sxs.connector.scoro.preflight.ScoroFactsReader;
import io.sxs.connector.scoro.reference.ReferenceCache;
import io.sxs.connector.scoro.sink.ScoroCommandWriter;
import io.sxs.connector.scoro.webhook.ScoroWebhookSubscriptions;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Wires the Scoro side of the pipeline: one shared HTTP client and budget per site, one reference cache, and the
 * entities of {@link ScoroEntities} (their readers, and one writer over their writes). With a public URL for this deployment ({@code webhookUrl}: connection id to the URL Scoro should
 * call), each connection subscribes to Scoro's webhooks on its first start, and the entities they cover are polled
 * only as a safety net.
 */
public final class ScoroConnector implements SystemConnector {

    private final ScoroClients clients;
    private final ReferenceCache references;
    private final ScoroEntities entities;
    private final List<EntityReader> readers;
    private final ScoroCommandWriter writer;
    private final Function<String, String> webhookUrl;
    private final Map<String, Set<EntityType>> subscribed = new ConcurrentHashMap<>();

    public ScoroConnector(ScoroClients clients) {
        this(clients, null);
    }

    /** @param webhookUrl the URL Scoro's webhooks should call for a connection, or null for polling only */
    public ScoroConnector(ScoroClients clients, Function<String, String> webhookUrl) {
        this.clients = clients;
        this.references = new ReferenceCache(clients.settings().referenceMinRefresh(), clients.clock());
        this.entities = new ScoroEntities(clients, references);
        this.readers = entities.all().stream().map(ScoroEntity::reader).filter(java.util.Objects::nonNull).toList();
        this.writer = new ScoroCommandWriter(clients, references, entities);
        this.webhookUrl = webhookUrl;
    }

    public static ScoroConnector create(ScoroClientSettings settings) {
        return new ScoroConnector(ScoroClients.create(settings));
    }

    @Override
    public SystemType system() {
        return SystemType.SCORO;
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
        return clients.budget(connection.getScoro().getSiteUrl(), connection.getScoro().getCompanyAccountId());
    }

    /** The adapter that writes an entity reads it back (credit invoices are invoices to Scoro). */
    @Override
    public EntityType readBy(EntityType written) {
        ScoroEntity entity = entities.writing(written);
        return entity == null ? written : entity.entity();
    }

    @Override
    public boolean webhooksCover(ConnectionConfig connection, EntityType entity) {
        return subscribed.getOrDefault(connection.getConnectionId(), Set.of()).contains(entity);
    }

    @Override
    public ConnectionFacts.Builder facts(ConnectionContext connection) throws ApiException {
        return new ScoroFactsReader(clients).read(connection);
    }

    @Override
    public void prepare(ConnectionContext connection) throws ApiException {
        if (webhookUrl == null) {
            return;
        }
        String url = webhookUrl.apply(connection.connectionId());
        if (url == null) {
            // The deployment's address is not known yet (the web server is still starting): try again shortly.
            throw new io.sxs.connector.scoro.client.ScoroApiException(ApiException.Kind.RETRYABLE, 0,
                    "the webhook address of this deployment is not known yet", List.of());
        }
        subscribed.put(connection.connectionId(), ScoroWebhookSubscriptions.ensure(clients.open(connection), url));
    }

    public ScoroContactReader contactReader() {
        return entities.reader(EntityType.CONTACT, ScoroContactReader.class);
    }

    public ScoroInvoiceReader invoiceReader() {
        return entities.reader(EntityType.INVOICE, ScoroInvoiceReader.class);
    }

    public ScoroEntities entities() {
        return entities;
    }

    public ScoroClients clients() {
        return clients;
    }

    public ReferenceCache references() {
        return references;
    }
}
