package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.kafka.embedded.FreePorts;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.secret.SecretCipher;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhooks cut latency without spending polls: the sandboxes deliver their real webhooks (Xero's signed events,
 * Scoro's hints) to the app's endpoints, and each change becomes one targeted read of that record while polling is
 * a one-hour safety net. A delivery that is tampered with or unsigned, or a hint with a wrong token, reads nothing.
 */
class WebhooksTest extends BrokerAndSandboxes {

    private static final String XERO_KEY = SecretCipher.newBase64Key();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void startPipeline() throws Exception {
        port = FreePorts.next();
        app = Pipelines.start(broker.bootstrapServers(), KEY, Files.createTempDirectory("sxs-webhooks-"), Map.of(
                "server.port", port, "sxs.webhooks.public-url", "http://localhost:" + port,
                "sxs.webhooks.xero-key", XERO_KEY, "sxs.source.safety-net", "1h"));
        assertThat(xero.configureWebhook(xero.defaultAppClientId(), URI.create("http://localhost:" + port + "/webhooks/xero"),
                XERO_KEY).status()).as("intent to receive").isEqualTo("OK");
    }

    @AfterAll
    static void stopPipeline() {
        app.close();
    }

    @Test
    void aXeroChangeArrivesThroughItsSignedWebhookWithOneTargetedRead() {
        ScoroCompany company = scoro.createCompany("Hooked Scoro");
        XeroTenant tenant = xero.createTenant("Hooked Ltd");
        Seeds.connect(broker.bootstrapServers(), CIPHER, "hooked-to-scoro", scoro, company, xero, tenant, Direction.TO_SCORO,
                ContactMode.WITH_DOCUMENTS, Duration.ofHours(1).toMillis());
        await().atMost(Duration.ofSeconds(30)).until(() -> xero.callCounts(tenant.tenantId()).getOrDefault("GET /Invoices", 0L) == 1);
        Map<String, Long> before = xero.callCounts(tenant.tenantId());

        Map<String, Object> contact = xero.createContact(tenant.tenantId(), Map.of("Name", "Webhook Buyer"));
        xero.createInvoice(tenant.tenantId(), Map.of("Type", "ACCREC", "InvoiceNumber", "WH-1",
                "Contact", Map.of("ContactID", contact.get("ContactID")), "Date", "2026-11-03", "DueDate", "2026-11-17",
                "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Design", "Quantity", new BigDecimal("2"),
                        "UnitAmount", new BigDecimal("100.00"), "AccountCode", "200", "TaxType", "OUTPUT2"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> scoro.invoices(company.companyAccountId()).stream()
                .anyMatch(i -> "WH-1".equals(i.get("no"))));
        Map<String, Long> after = xero.callCounts(tenant.tenantId());
        assertThat(after.get("GET /Invoices") - before.get("GET /Invoices")).as("one targeted read of the invoice").isEqualTo(1);
        assertThat(after.getOrDefault("GET /Contacts", 0L) - before.getOrDefault("GET /Contacts", 0L))
                .as("one targeted read of the contact").isEqualTo(1);
    }

    @Test
    void aScoroEditArrivesThroughItsHintWithOneView() {
        ScoroCompany company = scoro.createCompany("Hinted Scoro");
        XeroTenant tenant = xero.createTenant("Hinted Ltd");
        List<String> numbers = Seeds.scoroInvoices(scoro, company, "H-", 1, 2);
        Seeds.connect(broker.bootstrapServers(), CIPHER, "hinted-to-xero", scoro, company, xero, tenant, Direction.TO_XERO,
                ContactMode.WITH_DOCUMENTS, Duration.ofHours(1).toMillis());
        await().atMost(Duration.ofSeconds(30)).until(() -> Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers)
                && scoro.callCounts(company.companyAccountId()).getOrDefault("webhooks/subscribe", 0L)
                        == io.sxs.connector.scoro.webhook.ScoroWebhookSubscriptions.MODULES.size());
        Map<String, Long> before = scoro.callCounts(company.companyAccountId());
        long invoiceId = ((Number) scoro.invoices(company.companyAccountId()).get(0).get("id")).longValue();

        scoro.updateInvoice(company.companyAccountId(), invoiceId, Map.of("deadline", "2026-12-24"));

        await().atMost(Duration.ofSeconds(30)).until(() -> xero.invoices(tenant.tenantId()).stream()
                .anyMatch(i -> String.valueOf(i.get("DueDateString")).startsWith("2026-12-24")));
        Map<String, Long> after = scoro.callCounts(company.companyAccountId());
        assertThat(after.get("invoices/view") - before.get("invoices/view")).as("one view of the edited invoice").isEqualTo(1);
        assertThat(after.get("invoices/list")).as("no poll").isEqualTo(before.get("invoices/list"));
    }

    @Test
    void tamperedUnsignedOrMisaddressedDeliveriesAreRefused() throws Exception {
        String body = "{\"events\":[{\"resourceUrl\":\"x\",\"resourceId\":\"00000000-0000-0000-0000-000000000001\","
                + "\"eventDateUtc\":\"2026-12-01T10:00:00.000\",\"eventType\":\"UPDATE\",\"eventCategory\":\"INVOICE\","
                + "\"tenantId\":\"t\",\"tenantType\":\"ORGANISATION\"}],\"firstEventSequence\":1,\"lastEventSequence\":1,\"entropy\":\"e\"}";
        String signature = sign(body, XERO_KEY);
        assertThat(postXero(body, signature)).as("signed correctly").isEqualTo(200);
        assertThat(postXero(body, signature)).as("the same delivery replayed").isEqualTo(409);
        assertThat(postXero(body.replace("UPDATE", "CREATE"), signature)).as("body changed after signing").isEqualTo(401);
        assertThat(postXero(body, sign(body, SecretCipher.newBase64Key()))).as("signed with another key").isEqualTo(401);
        assertThat(postXero(body, null)).as("unsigned").isEqualTo(401);
        assertThat(postXero("{\"events\":[]}", sign("{\"events\":[]}", XERO_KEY))).as("intent to receive").isEqualTo(200);
        assertThat(postXero("{\"events\":[]}", sign("{\"events\":[]}", XERO_KEY))).as("intent to receive, again").isEqualTo(200);

        HttpResponse<String> wrongToken = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/webhooks/scoro/hinted-to-xero/not-the-token")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"module\":\"invoices\",\"object_id\":1}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(404);

        // A Scoro hint sent twice: the second is refused and costs no read.
        ScoroCompany company = scoro.createCompany("Replayed Scoro");
        XeroTenant tenant = xero.createTenant("Replayed Ltd");
        Seeds.connect(broker.bootstrapServers(), CIPHER, "replayed", scoro, company, xero, tenant, Direction.TO_XERO,
                ContactMode.WITH_DOCUMENTS, Duration.ofHours(1).toMillis());
        URI hintUrl = URI.create("http://localhost:" + port + "/webhooks/scoro/replayed/"
                + CIPHER.token(io.sxs.app.webhook.WebhookController.SCORO_TOKEN, "replayed"));
        String hint = "{\"module\":\"invoices\",\"action\":\"modify\",\"object_id\":1,\"company_account_id\":\""
                + company.companyAccountId() + "\",\"date\":\"2026-12-01 10:00:00\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> postScoro(hintUrl, hint) == 200);
        assertThat(postScoro(hintUrl, hint)).as("the same hint replayed").isEqualTo(409);
        assertThat(postScoro(hintUrl, hint.replace("10:00:00", "10:00:05"))).as("a later change of the same record").isEqualTo(200);
    }

    private static int postScoro(URI url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int postXero(String body, String signature) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/xero"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (signature != null) {
            req.header("x-xero-signature", signature);
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
