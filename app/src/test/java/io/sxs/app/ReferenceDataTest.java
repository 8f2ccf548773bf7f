package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
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
 * Reference data Xero to Scoro end to end (real broker, real HTTP): the initial sync copies every tax rate and
 * account, later Xero changes follow (hard deletes included), and Scoro is read-only for them (an edit is put back,
 * a delete recreated).
 */
class ReferenceDataTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void taxRatesFollowXeroAndScoroEditsArePutBack() throws Exception {
        ScoroCompany company = scoro.createCompany("Ref Scoro");
        XeroTenant tenant = xero.createTenant("Ref Ltd");
        String companyId = company.companyAccountId();
        Path data = Files.createTempDirectory("sxs-ref-");
        // Reference data is polled at the safety-net interval; a short one keeps the test quick.
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data,
                Map.of("sxs.source.safety-net", "1s"));
        try {
            int scoroHadBefore = scoro.vatCodes(companyId).size();
            connect("ref", company, tenant);

            // Initial sync: every Xero rate exists once in Scoro, by code; codes Scoro had are adopted, not doubled.
            List<Map<String, Object>> rates = xero.taxRates(tenant.tenantId());
            await().atMost(TIMEOUT).until(() -> codes(companyId).keySet().containsAll(
                    rates.stream().map(r -> (String) r.get("TaxType")).toList()));
            assertThat(scoro.vatCodes(companyId)).as("one Scoro code per Xero rate").hasSize(rates.size());
            for (Map<String, Object> r : rates) {
                Map<String, Object> code = codes(companyId).get((String) r.get("TaxType"));
                assertThat(code.get("vat_name")).isEqualTo(r.get("Name"));
                assertThat(new BigDecimal(String.valueOf(code.get("percent")))).isEqualByComparingTo(String.valueOf(r.get("EffectiveRate")));
            }
            long created = rates.size() - scoroHadBefore;
            assertThat(scoro.callCounts(companyId).get("vatCodes/modify"))
                    .as("a create per missing code; codes that already matched cost nothing").isEqualTo(created);
            assertThat(scoro.documentWriteCalls(companyId)).isZero();

            // A Xero change follows: a renamed rate, a deleted one (its Scoro code deactivated, since documents may use it).
            xero.updateTaxRate(tenant.tenantId(), "OUTPUT2", Map.of("Name", "Standard 20% (renamed)"));
            xero.updateTaxRate(tenant.tenantId(), "RRINPUT", Map.of("Status", "DELETED"));
            await().atMost(TIMEOUT).until(() -> "Standard 20% (renamed)".equals(codes(companyId).get("OUTPUT2").get("vat_name"))
                    && Objects.equals(0, codes(companyId).get("RRINPUT").get("is_active")));

            // Scoro is read-only for what Xero owns: an edit is reverted to Xero's state.
            long output2 = ((Number) codes(companyId).get("OUTPUT2").get("vat_code_id")).longValue();
            scoro.updateVatCode(companyId, output2, Map.of("vat_name", "edited in Scoro"));
            await().atMost(TIMEOUT).until(() -> "Standard 20% (renamed)".equals(codes(companyId).get("OUTPUT2").get("vat_name")));

            // A synced code a user deletes in Scoro is created again.
            long exempt = ((Number) codes(companyId).get("EXEMPTINPUT").get("vat_code_id")).longValue();
            scoro.deleteVatCode(companyId, exempt);
            await().atMost(TIMEOUT).until(() -> codes(companyId).containsKey("EXEMPTINPUT"));
            assertThat(scoro.vatCodes(companyId)).as("recreated once").hasSize(rates.size());
            assertThat(xero.writeCalls(tenant.tenantId())).as("nothing written to Xero").isZero();
        } finally {
            app.close();
        }
    }

    @Test
    void theChartOfAccountsFollowsXeroIncludingHardDeletesAndScoroIsReadOnlyForIt() throws Exception {
        ScoroCompany company = scoro.createCompany("Chart Scoro");
        XeroTenant tenant = xero.createTenant("Chart Ltd");
        String companyId = company.companyAccountId();
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-chart-"), Map.of("sxs.source.safety-net", "1s"));
        try {
            connect("chart", company, tenant);
            List<String> codes = xero.accounts(tenant.tenantId()).stream().filter(a -> !"BANK".equals(a.get("Type")))
                    .map(a -> (String) a.get("Code")).toList();
            await().atMost(TIMEOUT).until(() -> accounts(companyId).keySet().containsAll(codes));
            assertThat(scoro.financeAccounts(companyId)).as("one Scoro account per Xero account, bank accounts aside")
                    .hasSize(codes.size());
            assertThat(accounts(companyId).get("270").get("name")).isEqualTo("Interest Income");
            assertThat(accounts(companyId)).as("bank accounts wait for their first payment").doesNotContainKey("090");

            // New, archived and deleted accounts in Xero follow.
            Map<String, Object> added = xero.createAccount(tenant.tenantId(), Map.of("Code", "499", "Name", "Subscriptions", "Type", "EXPENSE"));
            await().atMost(TIMEOUT).until(() -> accounts(companyId).containsKey("499"));
            String generalExpenses = accountId(tenant, "429");
            xero.updateAccount(tenant.tenantId(), generalExpenses, Map.of("Status", "ARCHIVED"));
            xero.deleteAccount(tenant.tenantId(), (String) added.get("AccountID"));
            await().atMost(TIMEOUT).until(() -> Objects.equals(0, accounts(companyId).get("429").get("is_active"))
                    && Objects.equals(0, accounts(companyId).get("499").get("is_active")));

            // A Scoro edit of a synced account is put back.
            long sales = ((Number) accounts(companyId).get("200").get("id")).longValue();
            scoro.updateFinanceAccount(companyId, sales, Map.of("name", "Sales (edited in Scoro)"));
            await().atMost(TIMEOUT).until(() -> "Sales".equals(accounts(companyId).get("200").get("name")));
            assertThat(scoro.documentWriteCalls(companyId)).isZero();
            assertThat(xero.writeCalls(tenant.tenantId())).isZero();
        } finally {
            app.close();
        }
    }

    @Test
    void theChosenTrackingCategoryBecomesAccountingObjectsAndDocumentLinesCarryThemBothWays() throws Exception {
        ScoroCompany toXeroCompany = scoro.createCompany("Track Scoro");
        XeroTenant toXeroTenant = xero.createTenant("Track Ltd");
        ScoroCompany toScoroCompany = scoro.createCompany("Track Scoro 2");
        XeroTenant toScoroTenant = xero.createTenant("Track Ltd 2");
        ScoroCompany misnamedCompany = scoro.createCompany("Track Scoro 3");
        XeroTenant misnamedTenant = xero.createTenant("Track Ltd 3");
        for (XeroTenant t : List.of(toXeroTenant, toScoroTenant, misnamedTenant)) {
            xero.createTrackingCategory(t.tenantId(), "Region", List.of("North", "South", "East"));
            xero.createTrackingCategory(t.tenantId(), "Department", List.of("Sales", "Delivery"));
        }
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-track-"), Map.of("sxs.source.safety-net", "1s"));
        try {
            connect("track-to-xero", toXeroCompany, toXeroTenant, Direction.TO_XERO, "Region");
            connect("track-to-scoro", toScoroCompany, toScoroTenant, Direction.TO_SCORO, "region");
            connect("track-misnamed", misnamedCompany, misnamedTenant, Direction.TO_XERO, "Project");

            // The chosen category's options become accounting objects under its name; the other category stays out.
            String companyId = toXeroCompany.companyAccountId();
            await().atMost(TIMEOUT).until(() -> objects(companyId).keySet().containsAll(List.of("North", "South", "East")));
            assertThat(objects(companyId)).doesNotContainKeys("Sales", "Delivery");
            assertThat(objects(companyId).get("East").get("parent_group_name")).isEqualTo("Region");

            // Renamed and archived options follow.
            Map<String, Object> region = category(toXeroTenant, "Region");
            xero.updateTrackingOption(toXeroTenant.tenantId(), (String) region.get("TrackingCategoryID"), optionId(region, "South"),
                    Map.of("Name", "South West"));
            xero.updateTrackingOption(toXeroTenant.tenantId(), (String) region.get("TrackingCategoryID"), optionId(region, "North"),
                    Map.of("Status", "ARCHIVED"));
            await().atMost(TIMEOUT).until(() -> objects(companyId).containsKey("South West")
                    && Objects.equals(0, objects(companyId).get("North").get("is_active")));
            assertThat(objects(companyId)).doesNotContainKey("South");

            // A Scoro line with an accounting object, a finance account and a VAT code arrives in Xero with exactly those.
            long east = ((Number) objects(companyId).get("East").get("object_id")).longValue();
            Map<String, Object> contact = scoro.createContact(companyId, Map.of("name", "Tracked Client", "is_client", 1));
            scoro.createInvoice(companyId, Map.of("no", "TR-1", "company_id", contact.get("contact_id"), "date", "2026-11-02",
                    "deadline", "2026-11-16", "currency", "GBP", "is_sent", 1, "lines", List.of(Map.of("comment", "Work",
                            "amount", new BigDecimal("2"), "price", new BigDecimal("50.00"), "vat_code_id", vatCodeId(companyId, "OUTPUT2"),
                            "finance_account_id", accounts(companyId).get("260").get("id"), "finance_object_id", east))));
            Map<String, Object> inXero = await().atMost(TIMEOUT).until(() -> xero.invoices(toXeroTenant.tenantId()).stream()
                    .filter(i -> "TR-1".equals(i.get("InvoiceNumber"))).findFirst().orElse(null), Objects::nonNull);
            Map<?, ?> line = (Map<?, ?>) ((List<?>) inXero.get("LineItems")).get(0);
            assertThat(line.get("AccountCode")).isEqualTo("260");
            assertThat(line.get("TaxType")).isEqualTo("OUTPUT2");
            // The line named its account by the ID map's counterpart (AccountID), not by a code looked up in Scoro.
            assertThat(line.get("AccountID")).isEqualTo(xero.accounts(toXeroTenant.tenantId()).stream()
                    .filter(a -> "260".equals(a.get("Code"))).findFirst().orElseThrow().get("AccountID"));
            Map<?, ?> tracking = (Map<?, ?>) ((List<?>) line.get("Tracking")).get(0);
            assertThat(tracking.get("Name")).isEqualTo("Region");
            assertThat(tracking.get("Option")).isEqualTo("East");

            // A Xero line tracked in both categories comes to Scoro with the synced category's object.
            String otherCompany = toScoroCompany.companyAccountId();
            await().atMost(TIMEOUT).until(() -> objects(otherCompany).containsKey("East"));
            Map<String, Object> xeroContact = xero.createContact(toScoroTenant.tenantId(), Map.of("Name", "Tracked Customer"));
            xero.createInvoice(toScoroTenant.tenantId(), Map.of("Type", "ACCREC", "InvoiceNumber", "XT-1",
                    "Contact", Map.of("ContactID", xeroContact.get("ContactID")), "Date", "2026-11-03", "DueDate", "2026-11-17",
                    "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Design", "Quantity", 1, "UnitAmount", 80,
                            "AccountCode", "260", "TaxType", "OUTPUT2", "Tracking", List.of(
                                    Map.of("Name", "Region", "Option", "East"), Map.of("Name", "Department", "Option", "Sales"))))));
            Map<String, Object> inScoro = await().atMost(TIMEOUT).until(() -> scoro.invoices(otherCompany).stream()
                    .filter(i -> "XT-1".equals(i.get("no"))).findFirst().orElse(null), Objects::nonNull);
            Map<?, ?> scoroLine = (Map<?, ?>) ((List<?>) scoro.invoice(otherCompany, ((Number) inScoro.get("id")).longValue())
                    .get("lines")).get(0);
            assertThat(scoroLine.get("finance_object_id")).isEqualTo(objects(otherCompany).get("East").get("object_id"));
            assertThat(scoroLine.get("finance_account_id")).isEqualTo(accounts(otherCompany).get("260").get("id"));
            assertThat(scoroLine.get("vat_code_id")).isEqualTo(vatCodeId(otherCompany, "OUTPUT2"));

            // Naming a category Xero does not have refuses the connection at its pre-flight check: nothing of it syncs.
            Pipeline pipeline = app.getBean(Pipeline.class);
            await().atMost(TIMEOUT).until(() -> pipeline.connector(SystemType.XERO).status("track-misnamed")
                    .map(s -> s.preflight().problems()).orElse(List.of())
                    .contains("'Project' is not an active Xero tracking category (active: Region, Department)"));
            assertThat(xero.callCounts(misnamedTenant.tenantId())).doesNotContainKeys("GET /Contacts", "GET /Invoices");
            assertThat(objects(misnamedCompany.companyAccountId())).isEmpty();
        } finally {
            app.close();
        }
    }

    private static Map<String, Map<String, Object>> objects(String companyId) {
        return scoro.records(companyId, "financeObjects").stream().filter(o -> !Objects.equals(1, o.get("is_deleted")))
                .collect(Collectors.toMap(o -> (String) o.get("name"), o -> o, (a, b) -> b));
    }

    private static Map<String, Object> category(XeroTenant tenant, String name) {
        return xero.trackingCategories(tenant.tenantId()).stream().filter(c -> name.equals(c.get("Name"))).findFirst().orElseThrow();
    }

    private static String optionId(Map<String, Object> category, String name) {
        return (String) ((List<?>) category.get("Options")).stream().map(o -> (Map<?, ?>) o)
                .filter(o -> name.equals(o.get("Name"))).findFirst().orElseThrow().get("TrackingOptionID");
    }

    private static Object vatCodeId(String companyId, String code) {
        return scoro.vatCodes(companyId).stream().filter(v -> code.equals(v.get("vat_code"))).findFirst().orElseThrow().get("vat_code_id");
    }

    private static String accountId(XeroTenant tenant, String code) {
        return (String) xero.accounts(tenant.tenantId()).stream().filter(a -> code.equals(a.get("Code"))).findFirst()
                .orElseThrow().get("AccountID");
    }

    private static Map<String, Map<String, Object>> accounts(String companyId) {
        return scoro.financeAccounts(companyId).stream().collect(Collectors.toMap(a -> (String) a.get("account_symbol"), a -> a));
    }

    private static Map<String, Map<String, Object>> codes(String companyId) {
        return scoro.vatCodes(companyId).stream().collect(Collectors.toMap(v -> (String) v.get("vat_code"), v -> v));
    }

    /** The connection under test: invoices TO_XERO (the default), contacts with their documents. */
    private static void connect(String id, ScoroCompany company, XeroTenant tenant) {
        connect(id, company, tenant, Direction.TO_XERO, null);
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant, Direction invoices, String tracking) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, invoices);
        config.setTrackingCategory(tracking);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
