package io.sxs.app.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.cli.SxsCli;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The convergence checker against a running app, through the CLI: after a sync both systems agree; an invoice edited
 * in Xero (which does not own it) and one made in Scoro while the connection is paused are reported by name.
 */
class ConvergenceCheckTest extends BrokerAndSandboxes {

    @Test
    void aSyncedConnectionConvergesAndADifferenceAndAMissingInvoiceAreNamed() throws Exception {
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-check-"), Map.of());
        try {
            ScoroCompany company = scoro.createCompany("Check Scoro");
            XeroTenant tenant = xero.createTenant("Check Ltd");
            List<String> numbers = Seeds.scoroInvoices(scoro, company, "CK-", 2, 2);
            Seeds.connect(broker.bootstrapServers(), CIPHER, "ck", scoro, company, xero, tenant, Direction.TO_XERO,
                    ContactMode.WITH_DOCUMENTS, 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers));
            String base = ControlClient.of(app).base();

            String[][] last = new String[1][];
            await().atMost(Duration.ofSeconds(30)).until(() -> (last[0] = cli(base, "check", "ck"))[0].equals("0"));
            String[] ok = last[0];
            assertThat(ok[1]).containsPattern("(?m)^INVOICE\\s+SCORO\\s+4\\s+4\\s+0\\s+0\\s+0")
                    .contains("Converged: 0 missing, 0 duplicates, 0 differences");

            // Xero's copy edited (Xero does not own invoices here); a Scoro invoice made while paused.
            String edited = numbers.get(0);
            Map<String, Object> copy = xero.invoices(tenant.tenantId()).stream()
                    .filter(i -> edited.equals(i.get("InvoiceNumber"))).findFirst().orElseThrow();
            xero.updateInvoice(tenant.tenantId(), (String) copy.get("InvoiceID"), Map.of("DueDate", "2027-01-31"));
            assertThat(ControlClient.of(app).call("POST", "/api/connections/ck/pause", null).statusCode()).isEqualTo(200);
            String unsynced = Seeds.scoroInvoices(scoro, company, "CK-LATE-", 1, 1).get(0);

            Thread.sleep(500); // a poll in progress when it paused ends
            Map<String, Long> scoroBefore = scoro.callCounts(company.companyAccountId());
            Map<String, Long> xeroBefore = xero.callCounts(tenant.tenantId());
            String[] bad = cli(base, "check", "ck");
            // A check reads everything of the compared entities: here one list page each, and Scoro's 5 views.
            System.out.printf("Convergence check of 5 Scoro invoices, 4 in Xero: Scoro %s, Xero %s%n",
                    diff(scoro.callCounts(company.companyAccountId()), scoroBefore), diff(xero.callCounts(tenant.tenantId()), xeroBefore));
            assertThat(bad[0]).as(bad[1]).isEqualTo("1");
            assertThat(bad[1]).contains("missing: invoice " + unsynced + " is not in Xero")
                    .contains("differences: invoice " + edited + ": dueDate")
                    .contains("Not converged: 1 missing, 0 duplicates, 1 differences");
        } finally {
            app.close();
        }
    }

    private static Map<String, Long> diff(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            long n = v - before.getOrDefault(k, 0L);
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d;
    }

    private static String[] cli(String base, String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("--url", base, "--token", Pipelines.OPERATOR_TOKEN));
        all.addAll(List.of(args));
        int exit = SxsCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        return new String[] {String.valueOf(exit), out.toString()};
    }
}
