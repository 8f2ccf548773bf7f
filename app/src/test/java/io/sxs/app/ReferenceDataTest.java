package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.envelope.ConnectionConfig;
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
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
