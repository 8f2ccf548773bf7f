package io.sxs.connector.scoro;

import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.contact.ScoroContactReader;
import io.sxs.connector.scoro.invoice.ScoroInvoiceReader;
import io.sxs.connector.scoro.reference.ReferenceCache;
import io.sxs.connector.scoro.sink.ScoroCommandWriter;
import io.sxs.connector.source.EntityReader;
import java.util.List;

/**
 * Wires the Scoro side of the pipeline: one shared HTTP client and quota state per connection, one reference cache,
 * and the readers and the writer that use them.
 */
public final class ScoroConnector {

    private final ScoroClients clients;
    private final ReferenceCache references;
    private final ScoroContactReader contactReader;
    private final ScoroInvoiceReader invoiceReader;
    private final ScoroCommandWriter writer;

    public ScoroConnector(ScoroClients clients) {
        this.clients = clients;
        this.references = new ReferenceCache(clients.settings().referenceMinRefresh(), clients.clock());
        this.contactReader = new ScoroContactReader(clients);
        this.invoiceReader = new ScoroInvoiceReader(clients, references);
        this.writer = new ScoroCommandWriter(clients, references);
    }

    public static ScoroConnector create(ScoroClientSettings settings) {
        return new ScoroConnector(ScoroClients.create(settings));
    }

    public List<EntityReader> readers() {
        return List.of(contactReader, invoiceReader);
    }

    public ScoroContactReader contactReader() {
        return contactReader;
    }

    public ScoroInvoiceReader invoiceReader() {
        return invoiceReader;
    }

    public ScoroCommandWriter writer() {
        return writer;
    }

    public ScoroClients clients() {
        return clients;
    }

    public ReferenceCache references() {
        return references;
    }
}
