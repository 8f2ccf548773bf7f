package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.app.demo.Demo;
import io.sxs.app.demo.DemoSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.kafka.embedded.FreePorts;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo restarted on the same data folder: its sandboxes come back from {@code <data-dir>/demo}, the same demo
 * connection resumes (a user-added one stays), nothing is written twice, and a change made after the restart syncs.
 */
class DemoRestartTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Every number the restart must leave as it was: documents and contacts on both sides of both connections. */
    private record Counts(int xeroInvoices, int xeroContacts, int scoroInvoices, int scoroContacts,
                          int addedXeroInvoices, int addedScoroInvoices) {
        static Counts of(DemoSandboxes s, XeroTenant added, ScoroCompany addedCompany) {
            String tenant = s.seed().xeroTenant().tenantId();
            String company = s.seed().scoroCompany().companyAccountId();
            return new Counts(s.xero().invoices(tenant).size(), s.xero().contacts(tenant).size(),
                    s.scoro().invoices(company).size(), s.scoro().contacts(company).size(),
                    s.xero().invoices(added.tenantId()).size(), s.scoro().invoices(addedCompany.companyAccountId()).size());
        }
    }

    @Test
    void aRestartResumesTheDemoConnectionWritesNothingTwiceAndKeepsSyncing() throws Exception {
        Path data = Files.createTempDirectory("sxs-demo-restart-");
        Map<String, Object> props = Map.of("sxs.data-dir", data.toString(), "sxs.broker.port", FreePorts.next(),
                "sxs.broker.controller-port", FreePorts.next(), "sxs.demo.xero-port", 0, "sxs.demo.scoro-port", 0,
                "server.port", 0, "sxs.demo.payments", false, "sxs.demo.contacts", 10, "sxs.demo.invoices", 20,
                "sxs.control.token", Pipelines.OPERATOR_TOKEN);
        String demoId;
        XeroTenant added;
        ScoroCompany addedCompany;
        Counts before;
        try (ConfigurableApplicationContext app = start(props)) {
            Demo demo = app.getBean(Demo.class);
            DemoSandboxes sandboxes = app.getBean(DemoSandboxes.class);
            assertThat(demo.resumed()).isFalse();
            assertThat(demo.awaitInitialSync(TIMEOUT)).as(demo.progress().summary(demo.connectionId())).isTrue();
            demoId = demo.connectionId();

            // A connection the user adds through the control API, between a new organisation and a new company.
            added = sandboxes.xero().createTenant("Added Ltd");
            addedCompany = sandboxes.scoro().createCompany("Added Agency");
            Seeds.scoroInvoice(sandboxes.scoro(), addedCompany, "ADD-1", "Added Client");
            JsonNode created = ControlClient.of(app).json("POST", "/api/connections", Map.of("id", "added", "name", "Added pair",
                    "scoro", Map.of("siteUrl", sandboxes.scoro().baseUri().toString(),
                            "companyAccountId", addedCompany.companyAccountId(), "apiKey", addedCompany.apiKey()),
                    "xero", Map.of("tenantId", added.tenantId(), "accessToken", added.accessToken(),
                            "apiBaseUrl", sandboxes.xero().apiBase().toString()),
                    "settings", Map.of("directions", Map.of("INVOICE", "TO_XERO"), "contacts", "WITH_DOCUMENTS",
                            "pollIntervalMs", 300)));
            assertThat(created.path("id").asText()).as(created.toString()).isEqualTo("added");
            XeroTenant tenant = added;
            await().atMost(TIMEOUT).until(() -> hasInvoice(sandboxes.xero(), tenant.tenantId(), "ADD-1"));
            Thread.sleep(1500); // the write's echo is read and skipped before the stop
            before = Counts.of(sandboxes, added, addedCompany);
            long t0 = System.nanoTime();
            sandboxes.save();
            System.out.printf("Demo sandboxes saved in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        for (String file : List.of("xero.snapshot", "scoro.snapshot", "demo.snapshot")) {
            System.out.printf("%s: %,d bytes%n", file, Files.size(data.resolve("demo").resolve(file)));
        }

        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext app = start(props)) {
            Demo demo = app.getBean(Demo.class);
            DemoSandboxes sandboxes = app.getBean(DemoSandboxes.class);
            assertThat(demo.resumed()).isTrue();
            assertThat(demo.connectionId()).isEqualTo(demoId);
            assertThat(demo.awaitInitialSync(TIMEOUT)).as(demo.progress().summary(demo.connectionId())).isTrue();
            System.out.printf("Restart to quiet: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            XeroSandbox xero = sandboxes.xero();
            ScoroSandbox scoro = sandboxes.scoro();
            String tenant = sandboxes.seed().xeroTenant().tenantId();
            String company = sandboxes.seed().scoroCompany().companyAccountId();

            ControlClient control = ControlClient.of(app);
            assertThat(control.get("/api/connections/" + demoId).path("status").asText()).isEqualTo("ACTIVE");
            assertThat(control.get("/api/connections/added").path("status").asText()).isEqualTo("ACTIVE");
            assertThat(Counts.of(sandboxes, added, addedCompany)).isEqualTo(before);
            List<Object> numbers = xero.invoices(tenant).stream().map(i -> i.get("InvoiceNumber")).toList();
            assertThat(numbers).as("no invoice number twice").doesNotHaveDuplicates();
            assertThat(xero.writeCalls(tenant) + xero.writeCalls(added.tenantId())).as("Xero writes since the restart: "
                    + xero.callCounts(tenant) + " " + xero.callCounts(added.tenantId())).isZero();
            assertThat(scoro.writeCalls(company) + scoro.writeCalls(addedCompany.companyAccountId())).as("Scoro writes since "
                    + "the restart: " + scoro.callCounts(company) + " " + scoro.callCounts(addedCompany.companyAccountId())).isZero();

            // It resumed, not froze: a new Scoro invoice reaches Xero.
            Seeds.scoroInvoice(scoro, sandboxes.seed().scoroCompany(), "AFTER-1", "After Restart Ltd");
            await().atMost(TIMEOUT).until(() -> hasInvoice(xero, tenant, "AFTER-1"));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> props) {
        return new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(props).run();
    }

    private static boolean hasInvoice(XeroSandbox xero, String tenantId, String number) {
        return xero.invoices(tenantId).stream().anyMatch(i -> Objects.equals(number, i.get("InvoiceNumber")));
    }
}
