package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.kafka.embedded.FreePorts;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroRateLimits;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.secret.SecretCipher;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pipeline on a cluster that requires SASL: the client settings given as {@code sxs.kafka.*} reach every client
 * (the connectors', the mapper's Streams app, the schema store's, the control plane's), or nothing would sync; a
 * client without them gets nowhere; the password is in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecuredClusterTest {

    private static final String PASSWORD = "sasl-secret-7f3a9c";

    @Test
    void everyClientAuthenticatesWithTheConfiguredSaslSettingsAndAnInvoiceSyncs(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory("sxs-sasl-");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(FreePorts.next(), FreePorts.next(), dir.resolve("kafka"))
                .withSaslPlain("pipeline", PASSWORD).start();
             XeroSandbox xero = XeroSandbox.start(0); ScoroSandbox scoro = ScoroSandbox.start(0)) {
            xero.rateLimits(XeroRateLimits.unlimited());
            scoro.quotas(ScoroQuotas.unlimited());
            try (Admin plain = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "request.timeout.ms", 2000, "default.api.timeout.ms", 2000))) {
                assertThatThrownBy(() -> plain.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                        .get(5, TimeUnit.SECONDS)).as("a client without the SASL settings gets nowhere")
                        .isInstanceOfAny(java.util.concurrent.ExecutionException.class, java.util.concurrent.TimeoutException.class);
            }

            Map<String, Object> settings = new HashMap<>();
            broker.clientSecurity().forEach((k, v) -> settings.put("sxs.kafka." + k, v));
            ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), SecretCipher.newBase64Key(),
                    dir.resolve("data"), settings);
            try {
                ScoroCompany company = scoro.createCompany("Secured Scoro");
                XeroTenant tenant = xero.createTenant("Secured Ltd");
                Seeds.scoroInvoice(scoro, company, "SEC-1", "Secured Client");
                HttpResponse<String> created = ControlClient.of(app).call("POST", "/api/connections", Map.of("id", "sec",
                        "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", company.companyAccountId(),
                                "apiKey", company.apiKey()),
                        "xero", Map.of("tenantId", tenant.tenantId(), "accessToken", tenant.accessToken(),
                                "apiBaseUrl", xero.apiBase().toString()),
                        "settings", Map.of("directions", Map.of("INVOICE", "TO_XERO"), "contacts", "WITH_DOCUMENTS",
                                "pollIntervalMs", 300)));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                await().atMost(Duration.ofSeconds(60)).until(() -> xero.invoices(tenant.tenantId()).stream()
                        .anyMatch(i -> "SEC-1".equals(i.get("InvoiceNumber"))));
                // The control plane's own consumers (the sync log) read it through the secured listener too.
                await().atMost(Duration.ofSeconds(30)).until(() -> ControlClient.of(app).get("/api/connections/sec")
                        .path("lag").path("lastWriteMs").isNumber());
                assertThat(ControlClient.of(app).call("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
            } finally {
                app.close();
            }
        }
        assertThat(output.getAll()).as("the SASL password is never logged").doesNotContain(PASSWORD);
    }
}
