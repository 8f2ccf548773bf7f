package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.SyncLogFollower;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Connection life a user trips over, end to end (real broker, real HTTP): an entity switched OFF costs no call, switching
 * it on brings over what is there (with what was seen before), and a document whose contact was rejected syncs once the
 * contact is fixed, nobody touching it.
 */
class ConnectionLifeTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void switchingInvoicesOnBackfillsAndADocumentWaitingForARejectedContactSyncsOnceItIsFixed() throws Exception {
        ScoroCompany backfillCompany = scoro.createCompany("Life Scoro");
        XeroTenant backfillTenant = xero.createTenant("Life Ltd");
        ScoroCompany fixCompany = scoro.createCompany("Fix Scoro");
        XeroTenant fixTenant = xero.createTenant("Fix Ltd");
        List<SyncLogEntry> log = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-life-"), Map.of("sxs.mapper.punctuate-interval", "1s"));
        try (SyncLogFollower follower = new SyncLogFollower(broker.bootstrapServers(), "life", log::add).start()) {
            // Invoices OFF: the contact is seen (contacts follow their documents) but invoices are not read at all.
            ConnectionConfig life = connection("life", backfillCompany, backfillTenant, Direction.OFF);
            invoice(backfillCompany, "BF-1", "Backfill Client");
            await().atMost(TIMEOUT).until(() -> log.stream().anyMatch(e -> e.getOutcome() == SyncOutcome.SKIPPED_OUT_OF_SCOPE
                    && e.getEntity() == EntityType.CONTACT));
            assertThat(scoro.callCounts(backfillCompany.companyAccountId())).as("no call spent on what is OFF")
                    .doesNotContainKeys("invoices/list", "invoices/view", "bills/list");
            assertThat(xero.invoices(backfillTenant.tenantId())).isEmpty();

            // Switched to TO_XERO: the invoice comes over, with the contact seen before, without anyone editing it.
            ConnectionDirections.set(life, EntityType.INVOICE, Direction.TO_XERO);
            new Connections(broker.bootstrapServers()).put(life);
            await().atMost(TIMEOUT).until(() -> xero.invoices(backfillTenant.tenantId()).stream()
                    .anyMatch(i -> "BF-1".equals(i.get("InvoiceNumber"))));
            assertThat(xero.contacts(backfillTenant.tenantId())).extracting(c -> c.get("Name")).containsExactly("Backfill Client");

            // Released when fixed: Xero refuses a 300-character name; the invoice waits, gives up, and syncs after the fix.
            connection("fix", fixCompany, fixTenant, Direction.TO_XERO);
            long contactId = invoice(fixCompany, "FX-1", "N".repeat(300));
            await().atMost(TIMEOUT).until(() -> contactRefused(fixTenant));
            scoro.updateContact(fixCompany.companyAccountId(), contactId, Map.of("name", "Fixed Name Ltd"));
            await().atMost(TIMEOUT).until(() -> xero.invoices(fixTenant.tenantId()).stream()
                    .anyMatch(i -> "FX-1".equals(i.get("InvoiceNumber"))));
            Map<String, Object> fixed = xero.invoices(fixTenant.tenantId()).stream()
                    .filter(i -> "FX-1".equals(i.get("InvoiceNumber"))).findFirst().orElseThrow();
            assertThat(((Map<?, ?>) fixed.get("Contact")).get("Name")).isEqualTo("Fixed Name Ltd");
        } finally {
            app.close();
        }
    }

    /** Xero was asked for the contact and holds neither it nor the invoice: the create was refused. */
    private static boolean contactRefused(XeroTenant tenant) {
        return xero.callCounts(tenant.tenantId()).getOrDefault("PUT /Contacts", 0L) > 0
                && xero.contacts(tenant.tenantId()).isEmpty() && xero.invoices(tenant.tenantId()).isEmpty();
    }

    private static ConnectionConfig connection(String id, ScoroCompany company, XeroTenant tenant, Direction invoices) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(), tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, invoices);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
        return config;
    }

    /** A sent Scoro invoice for a new client; returns the client's contact id. */
    private static long invoice(ScoroCompany company, String number, String client) {
        Map<String, Object> contact = scoro.createContact(company.companyAccountId(), Map.of("name", client, "is_client", 1));
        long contactId = ((Number) contact.get("contact_id")).longValue();
        Object vat = scoro.vatCodes(company.companyAccountId()).stream().filter(v -> "OUTPUT2".equals(v.get("vat_code")))
                .findFirst().orElseThrow().get("vat_code_id");
        Object account = scoro.financeAccounts(company.companyAccountId()).stream()
                .filter(a -> "200".equals(String.valueOf(a.get("account_symbol")))).findFirst().orElseThrow().get("id");
        scoro.createInvoice(company.companyAccountId(), Map.of("no", number, "company_id", contactId, "date", "2026-11-02",
                "deadline", "2026-11-16", "currency", "GBP", "is_sent", 1, "lines", List.of(Map.of("comment", "Work",
                        "amount", BigDecimal.ONE, "price", new BigDecimal("10.00"), "vat_code_id", vat, "finance_account_id", account))));
        return contactId;
    }
}
