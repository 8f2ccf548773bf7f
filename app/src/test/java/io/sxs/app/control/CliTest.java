package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.app.ScoroXeroSyncApplication;
import io.sxs.app.cli.SxsCli;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CLI against a running app over real HTTP, as a person types it: add a MANUAL connection, list it, run a sync
 * with a progress bar to the end, read a record's history and the error list, pause it; refusals say why and exit
 * non-zero. Once through the jar's own main in a separate process, to prove the one jar is also the CLI.
 */
class CliTest extends BrokerAndSandboxes {

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void startApp() throws Exception {
        app = Pipelines.start(broker.bootstrapServers(), KEY, Files.createTempDirectory("sxs-cli-"), Map.of());
        base = ControlClient.of(app).base();
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--url", base, "--token", Pipelines.OPERATOR_TOKEN));
        all.addAll(List.of(args));
        int exit = SxsCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aPersonOperatesAManualConnectionFromTheCommandLine() throws Exception {
        ScoroCompany company = scoro.createCompany("Cli Scoro");
        XeroTenant tenant = xero.createTenant("Cli Ltd");
        Seeds.scoroInvoice(scoro, company, "CL-1", "Cli Client");

        Run added = cli("connections", "add", "--id", "cli", "--scoro-site", scoro.baseUri().toString(),
                "--scoro-company", company.companyAccountId(), "--scoro-api-key", company.apiKey(),
                "--xero-tenant", tenant.tenantId(), "--xero-access-token", tenant.accessToken(),
                "--xero-api-url", xero.apiBase().toString(), "--invoices", "TO_XERO", "--contacts", "WITH_DOCUMENTS",
                "--mode", "MANUAL", "--poll-interval-ms", "300");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Connection cli added");

        Run list = cli("connections", "list");
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("STATE", "LAG", "MODE", "ERRORS");
        assertThat(list.out()).containsPattern("(?m)^cli\\s+\\S+\\s+\\S+\\s+MANUAL\\s+TO_XERO\\s+WITH_DOCUMENTS\\s+0");

        Run sync = cli("sync", "run", "cli", "-e", "INVOICE", "--follow", "--timeout-s", "90");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("Run ", " of cli started").containsPattern("\\[#{30}] 100%  passes (\\d+)/\\1")
                .containsPattern("(?m)^INVOICE\\s+\\d+\\s+1\\s+").contains(" done: ");
        assertThat(xero.invoices(tenant.tenantId())).extracting(i -> i.get("InvoiceNumber")).containsExactly("CL-1");

        Run history = cli("history", "cli", "invoice", "CL-1");
        assertThat(history.exit()).isZero();
        assertThat(history.out()).startsWith("History of invoice CL-1 on cli").containsPattern("READ\\s+SCORO\\s+\\S+\\s+RECONCILE")
                .containsPattern("SINK\\s+XERO\\s+\\S+\\s+-\\s+WRITTEN");

        assertThat(cli("errors", "-c", "cli").out()).contains("0 error(s)");
        assertThat(cli("connections", "pause", "cli").out()).contains("Connection cli PAUSED");
        assertThat(cli("connections", "show", "cli").out()).contains("state        PAUSED", "TO_XERO");

        Run missing = cli("connections", "show", "nope");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("error: No connection nope");
        StringWriter err = new StringWriter();
        int refused = SxsCli.run(new String[] {"--url", base, "--token", "not-the-operator-token", "connections", "list"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString()).contains("refused the operator token");

        // The jar's own main, in a process of its own: a CLI word makes it the CLI, which starts no app.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ScoroXeroSyncApplication.class.getName(), "--url", base, "--token",
                Pipelines.OPERATOR_TOKEN, "connections", "list").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).containsPattern("(?m)^cli\\s+PAUSED");

        // Removed keeping its ID map, then removed again dropping it: deleted, gone for every command.
        assertThat(cli("connections", "remove", "cli").out()).contains("Connection cli REMOVED");
        assertThat(cli("connections", "list").out()).containsPattern("(?m)^cli\\s+REMOVED");
        assertThat(cli("connections", "remove", "cli", "--drop-id-map").out()).contains("Connection cli DELETED");
        assertThat(cli("connections", "show", "cli").exit()).isEqualTo(3);
    }
}
