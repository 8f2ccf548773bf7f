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
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Exact money end to end: a Scoro document discount is carried to Xero; a document whose Xero total would differ is
 * blocked with the difference named, and a quantity Xero cannot hold is a typed error; neither reaches Xero.
 */
class ExactMoneyTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void documentDiscountsAreCarriedAndAnyAmountXeroWouldComputeOtherwiseIsBlockedOrRefusedNamingIt() throws Exception {
        ScoroCompany company = scoro.createCompany("Money Scoro");
        XeroTenant tenant = xero.createTenant("Money Ltd");
        String companyId = company.companyAccountId();
        List<SyncLogEntry> log = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-money-"), Map.of());
        try (SyncLogFollower follower = new SyncLogFollower(broker.bootstrapServers(), "money", log::add).start()) {
            connect(company, tenant);
            await().atMost(TIMEOUT).until(() -> id(scoro.vatCodes(companyId), "vat_code", "OUTPUT2", "vat_code_id") != null
                    && id(scoro.financeAccounts(companyId), "account_symbol", "200", "id") != null);
            Map<String, Object> client = scoro.createContact(companyId, Map.of("name", "Money Client", "is_client", 1));

            // 10% and 5% off the document: 100.00 becomes 85.50 in Scoro, and a 14.5% line discount in Xero.
            invoice(companyId, client, "M-1", "100.00", "1", null, Map.of("discount", "10", "discount2", "5"));
            // The line's 10% then the document's 5%, each rounded by Scoro: 10.05 -> 9.05 -> 8.60; Xero: 8.59.
            invoice(companyId, client, "M-2", "10.05", "1", "10", Map.of("discount", "5"));
            // Five decimals of quantity: Xero keeps four and would round it away.
            invoice(companyId, client, "M-3", "10.00", "1.23456", null, Map.of());

            Map<String, Object> m1 = await().atMost(TIMEOUT).until(() -> xeroInvoice(tenant, "M-1"), Objects::nonNull);
            assertThat(new BigDecimal(m1.get("SubTotal").toString())).isEqualByComparingTo("85.50");
            assertThat(new BigDecimal(m1.get("Total").toString())).isEqualByComparingTo("102.60");
            assertThat(new BigDecimal(((Map<?, ?>) ((List<?>) m1.get("LineItems")).get(0)).get("DiscountRate").toString()))
                    .isEqualByComparingTo("14.5");

            await().atMost(TIMEOUT).until(() -> log.stream().anyMatch(e -> e.getOutcome() == SyncOutcome.BLOCKED));
            SyncLogEntry blocked = log.stream().filter(e -> e.getOutcome() == SyncOutcome.BLOCKED).findFirst().orElseThrow();
            assertThat(blocked.getEntity()).isEqualTo(EntityType.INVOICE);
            assertThat(blocked.getMessage()).contains("invoice M-2 is not written")
                    .contains("subtotal 8.59 in Xero, 8.60 in Scoro (difference -0.01)");

            await().atMost(TIMEOUT).until(() -> log.stream().anyMatch(e -> e.getOutcome() == SyncOutcome.INVALID_INPUT
                    && e.getMessage().contains("amount 1.23456 has more than 4 decimals")));
            assertThat(xeroInvoice(tenant, "M-2")).as("blocked, not written").isNull();
            assertThat(xeroInvoice(tenant, "M-3")).as("refused, not rounded").isNull();
        } finally {
            app.close();
        }
    }

    private static void invoice(String companyId, Map<String, Object> client, String no, String price, String quantity,
                                String lineDiscount, Map<String, String> header) {
        Map<String, Object> line = new HashMap<>(Map.of("comment", "Work", "amount", new BigDecimal(quantity),
                "price", new BigDecimal(price), "vat_code_id", id(scoro.vatCodes(companyId), "vat_code", "OUTPUT2", "vat_code_id"),
                "finance_account_id", id(scoro.financeAccounts(companyId), "account_symbol", "200", "id")));
        if (lineDiscount != null) {
            line.put("discount", new BigDecimal(lineDiscount));
        }
        Map<String, Object> body = new HashMap<>(Map.of("no", no, "company_id", client.get("contact_id"), "date", "2026-11-02",
                "deadline", "2026-11-16", "currency", "GBP", "is_sent", 1, "lines", List.of(line)));
        body.putAll(header);
        scoro.createInvoice(companyId, body);
    }

    private static Map<String, Object> xeroInvoice(XeroTenant tenant, String number) {
        return xero.invoices(tenant.tenantId()).stream().filter(i -> number.equals(i.get("InvoiceNumber"))).findFirst().orElse(null);
    }

    private static Object id(List<Map<String, Object>> rows, String keyField, String key, String idField) {
        return rows.stream().filter(r -> key.equals(r.get(keyField))).findFirst().map(r -> r.get(idField)).orElse(null);
    }

    private static void connect(ScoroCompany company, XeroTenant tenant) {
        ConnectionConfig config = Connections.newConnection("money", "money", CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
