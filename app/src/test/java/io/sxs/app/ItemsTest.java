package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Items end to end (real broker, real HTTP): Scoro products to Xero items, Xero items to Scoro products, and with
 * items OFF only the products that synced document lines need; a restart writes nothing again.
 */
class ItemsTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Items are polled at the safety-net interval; a short one keeps the test quick. */
    private static final Map<String, Object> FAST = Map.of("sxs.source.safety-net", "1s");

    @Test
    void scoroProductsBecomeXeroItemsFollowEditsAndDeletesAndARestartWritesNothingAgain() throws Exception {
        ScoroCompany company = scoro.createCompany("Items Scoro");
        XeroTenant tenant = xero.createTenant("Items Ltd");
        String companyId = company.companyAccountId();
        Path data = Files.createTempDirectory("sxs-items-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, FAST);
        try {
            connect("items-to-xero", company, tenant, Direction.TO_XERO);
            // The product's account and VAT code are Scoro's copies of Xero's (the chart syncs first).
            await().atMost(TIMEOUT).until(() -> accountId(companyId, "260") != null && vatCodeId(companyId, "OUTPUT2") != null);
            long widget = id(scoro.createRecord(companyId, "products", Map.of("code", "WIDGET", "name", "Widget",
                    "price", new BigDecimal("12.5000"), "unit", "pcs", "sales_finance_account_id", accountId(companyId, "260"),
                    "default_sales_tax_id", vatCodeId(companyId, "OUTPUT2"))), "product_id");
            scoro.createRecord(companyId, "products", Map.of("name", "No code yet", "price", "3"));

            await().atMost(TIMEOUT).until(() -> items(tenant).keySet().containsAll(List.of("WIDGET")) && items(tenant).size() == 2);
            Map<String, Object> item = items(tenant).get("WIDGET");
            Map<?, ?> sales = (Map<?, ?>) item.get("SalesDetails");
            assertThat(new BigDecimal(sales.get("UnitPrice").toString())).isEqualByComparingTo("12.5");
            assertThat(sales.get("AccountCode")).as("named by the account's code, found through the ID map").isEqualTo("260");
            assertThat(sales.get("TaxType")).isEqualTo("OUTPUT2");
            assertThat(items(tenant)).as("a product without a code goes with the pipeline's").containsKey(
                    "SCORO-" + scoro.records(companyId, "products").stream().filter(p -> p.get("code") == null).findFirst()
                            .map(p -> p.get("product_id")).orElseThrow());
            assertThat(xero.callCounts(tenant.tenantId()).get("PUT /Items")).as("one create each at most (batched when they"
                    + " arrive together)").isBetween(1L, 2L);
            assertThat(xero.callCounts(tenant.tenantId())).doesNotContainKey("POST /Items");

            scoro.updateRecord(companyId, "products", widget, Map.of("price", "14"));
            await().atMost(TIMEOUT).until(() -> new BigDecimal(((Map<?, ?>) items(tenant).get("WIDGET").get("SalesDetails"))
                    .get("UnitPrice").toString()).compareTo(new BigDecimal("14")) == 0);
            scoro.deleteRecord(companyId, "products", widget);
            await().atMost(TIMEOUT).until(() -> !items(tenant).containsKey("WIDGET"));
            assertThat(scoro.documentWriteCalls(companyId)).as("nothing written back to Scoro").isZero();
        } finally {
            app.close();
        }
        // A restart reads everything again and writes nothing twice.
        Map<String, Long> before = xero.callCounts(tenant.tenantId());
        app = Pipelines.start(broker.bootstrapServers(), KEY, data, FAST);
        try {
            long polls = before.getOrDefault("GET /Items", 0L);
            await().atMost(TIMEOUT).until(() -> xero.callCounts(tenant.tenantId()).getOrDefault("GET /Items", 0L) >= polls + 2);
            Map<String, Long> after = xero.callCounts(tenant.tenantId());
            for (String write : List.of("PUT /Items", "POST /Items", "DELETE /Items/{ItemID}")) {
                assertThat(after.get(write)).as(write + " after the restart").isEqualTo(before.get(write));
            }
        } finally {
            app.close();
        }
    }

    @Test
    void xeroItemsBecomeScoroProductsAndAHardDeleteInXeroDeletesTheProduct() throws Exception {
        ScoroCompany company = scoro.createCompany("Items Scoro 2");
        XeroTenant tenant = xero.createTenant("Items Ltd 2");
        String companyId = company.companyAccountId();
        // A product Scoro already has under the same code is adopted, not doubled.
        scoro.createRecord(companyId, "products", Map.of("code", "GADGET", "name", "Gadget (old name)"));
        xero.createItem(tenant.tenantId(), Map.of("Code", "GADGET", "Name", "Gadget", "SalesDetails",
                Map.of("UnitPrice", "20.0000", "AccountCode", "200", "TaxType", "OUTPUT2")));
        Map<String, Object> bolt = xero.createItem(tenant.tenantId(), Map.of("Code", "BOLT", "Name", "Bolt", "IsPurchased", true,
                "PurchaseDetails", Map.of("UnitPrice", "0.1250", "AccountCode", "310", "TaxType", "INPUT2")));
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-items2-"), FAST);
        try {
            connect("items-to-scoro", company, tenant, Direction.TO_SCORO);
            await().atMost(TIMEOUT).until(() -> products(companyId).keySet().containsAll(List.of("GADGET", "BOLT"))
                    && "Gadget".equals(products(companyId).get("GADGET").get("name")));
            assertThat(scoro.records(companyId, "products")).as("adopted by code, not created twice").hasSize(2);
            Map<String, Object> gadget = products(companyId).get("GADGET");
            assertThat(new BigDecimal(gadget.get("price").toString())).isEqualByComparingTo("20");
            assertThat(gadget.get("sales_finance_account_id")).isEqualTo(accountId(companyId, "200"));
            assertThat(gadget.get("default_sales_tax_id")).isEqualTo(vatCodeId(companyId, "OUTPUT2"));
            assertThat(new BigDecimal(products(companyId).get("BOLT").get("buying_price").toString())).isEqualByComparingTo("0.125");

            xero.deleteItem(tenant.tenantId(), (String) bolt.get("ItemID"));
            await().atMost(TIMEOUT).until(() -> !products(companyId).containsKey("BOLT"));
            assertThat(xero.writeCalls(tenant.tenantId())).as("nothing written to Xero").isZero();
        } finally {
            app.close();
        }
    }

    @Test
    void withItemsOffOnlyTheProductAnInvoiceLineUsesGoesToXeroAndTheLineNamesIt() throws Exception {
        ScoroCompany company = scoro.createCompany("Items Scoro 3");
        XeroTenant tenant = xero.createTenant("Items Ltd 3");
        String companyId = company.companyAccountId();
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-items3-"), Map.of());
        try {
            connect("items-off", company, tenant, Direction.OFF);
            await().atMost(TIMEOUT).until(() -> accountId(companyId, "200") != null && vatCodeId(companyId, "OUTPUT2") != null);
            scoro.createRecord(companyId, "products", Map.of("code", "UNUSED", "name", "Never on a document"));
            // Created just before the invoice: the invoice's read asks for it, well before the products' next poll.
            long used = id(scoro.createRecord(companyId, "products", Map.of("code", "CONS", "name", "Consulting", "price", "95")),
                    "product_id");
            Map<String, Object> client = scoro.createContact(companyId, Map.of("name", "Line Client", "is_client", 1));
            scoro.createInvoice(companyId, Map.of("no", "IT-1", "company_id", client.get("contact_id"), "date", "2026-11-02",
                    "deadline", "2026-11-16", "currency", "GBP", "is_sent", 1, "lines", List.of(Map.of("product_id", used,
                            "comment", "Advice", "amount", new BigDecimal("2"), "price", new BigDecimal("95.00"),
                            "vat_code_id", vatCodeId(companyId, "OUTPUT2"), "finance_account_id", accountId(companyId, "200")))));

            Map<String, Object> invoice = await().atMost(TIMEOUT).until(() -> xero.invoices(tenant.tenantId()).stream()
                    .filter(i -> "IT-1".equals(i.get("InvoiceNumber"))).findFirst().orElse(null), Objects::nonNull);
            Map<?, ?> line = (Map<?, ?>) ((List<?>) invoice.get("LineItems")).get(0);
            assertThat(line.get("ItemCode")).isEqualTo("CONS");
            assertThat(items(tenant).keySet()).as("only the product a line needs").containsExactly("CONS");
        } finally {
            app.close();
        }
    }

    private static long id(Map<String, Object> record, String field) {
        return ((Number) record.get(field)).longValue();
    }

    private static Map<String, Map<String, Object>> items(XeroTenant tenant) {
        return xero.items(tenant.tenantId()).stream().collect(Collectors.toMap(i -> (String) i.get("Code"), i -> i));
    }

    private static Map<String, Map<String, Object>> products(String companyId) {
        return scoro.records(companyId, "products").stream().filter(p -> !Objects.equals(1, p.get("is_deleted"))
                        && p.get("code") != null).collect(Collectors.toMap(p -> (String) p.get("code"), p -> p));
    }

    private static Object accountId(String companyId, String code) {
        return scoro.financeAccounts(companyId).stream().filter(a -> code.equals(a.get("account_symbol"))).findFirst()
                .map(a -> a.get("id")).orElse(null);
    }

    private static Object vatCodeId(String companyId, String code) {
        return scoro.vatCodes(companyId).stream().filter(v -> code.equals(v.get("vat_code"))).findFirst()
                .map(v -> v.get("vat_code_id")).orElse(null);
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant, Direction items) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        ConnectionDirections.set(config, EntityType.ITEM, items);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
