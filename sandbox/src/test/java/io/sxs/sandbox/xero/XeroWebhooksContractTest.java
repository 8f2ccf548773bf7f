package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.support.XeroClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class XeroWebhooksContractTest {

    static final String KEY = "webhook-key-123";
    XeroSandbox xero;
    HttpServer receiver;
    final List<JsonNode> payloads = new CopyOnWriteArrayList<>();
    final AtomicBoolean checkSignatures = new AtomicBoolean(true);
    final AtomicBoolean failDeliveries = new AtomicBoolean(false);

    @BeforeEach
    void start() throws Exception {
        xero = XeroSandbox.start(0);
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String signature = ex.getRequestHeaders().getFirst("x-xero-signature");
            boolean valid = sign(body).equals(signature);
            int status = checkSignatures.get() && !valid ? 401 : failDeliveries.get() ? 500 : 200;
            if (valid && status == 200) {
                payloads.add(Json.MAPPER.readTree(body));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        xero.close();
    }

    private URI hook() {
        return URI.create("http://localhost:" + receiver.getAddress().getPort() + "/hook");
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> events() {
        List<JsonNode> out = new CopyOnWriteArrayList<>();
        payloads.forEach(p -> p.get("events").forEach(out::add));
        return out;
    }

    @Test
    void signedEventsAreDeliveredForContactsInvoicesAndCreditNotes() {
        XeroWebhookStatus status = xero.configureWebhook(xero.defaultAppClientId(), hook(), KEY);
        assertThat(status.status()).isEqualTo("OK");
        assertThat(payloads).allMatch(p -> p.get("events").isEmpty());
        payloads.clear();

        XeroClient c = new XeroClient(xero, xero.createTenant("Hooked Ltd"));
        String contactId = c.put("/Contacts", wrap("Contacts", Map.of("Name", "Hooked customer")))
                .body().get("Contacts").get(0).get("ContactID").asText();
        String invoiceId = (String) xero.createInvoice(c.tenant().tenantId(), Map.of("Type", "ACCREC",
                "Contact", Map.of("ContactID", contactId),
                "LineItems", List.of(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200"))))
                .get("InvoiceID");
        xero.updateInvoice(c.tenant().tenantId(), invoiceId, Map.of("Status", "AUTHORISED"));

        await().atMost(Duration.ofSeconds(10)).until(() -> events().size() >= 3);
        JsonNode first = events().get(0);
        assertThat(first.get("eventCategory").asText()).isEqualTo("CONTACT");
        assertThat(first.get("eventType").asText()).isEqualTo("CREATE");
        assertThat(first.get("resourceId").asText()).isEqualTo(contactId);
        assertThat(first.get("resourceUrl").asText()).isEqualTo(xero.apiBase() + "/Contacts/" + contactId);
        assertThat(first.get("tenantId").asText()).isEqualTo(c.tenant().tenantId());
        assertThat(first.get("tenantType").asText()).isEqualTo("ORGANISATION");
        assertThat(events()).anySatisfy(e -> {
            assertThat(e.get("eventCategory").asText()).isEqualTo("INVOICE");
            assertThat(e.get("eventType").asText()).isEqualTo("UPDATE");
        });
        JsonNode payload = payloads.get(0);
        assertThat(payload.get("firstEventSequence").asLong()).isEqualTo(1);
        assertThat(payload.get("entropy").asText()).isNotBlank();
        assertThat(xero.webhookStatus(xero.defaultAppClientId()).deliveredEvents()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anEndpointThatDoesNotCheckSignaturesFailsIntentToReceiveAndGetsNoEvents() {
        checkSignatures.set(false);
        assertThat(xero.configureWebhook(xero.defaultAppClientId(), hook(), KEY).status()).isEqualTo("INTENT_TO_RECEIVE_FAILED");
        payloads.clear();
        xero.createContact(xero.createTenant("Quiet").tenantId(), Map.of("Name", "Nobody hears"));
        assertThat(xero.webhookStatus(xero.defaultAppClientId()).pendingEvents()).isZero();
    }

    @Test
    void failedDeliveriesAreRetriedAndOnlyConnectedTenantsAreReported() {
        XeroApp app = xero.registerApp("Hooked app");
        XeroTenant connected = xero.createTenant("Connected");
        XeroTenant other = xero.createTenant("Not connected");
        xero.authorize(app.clientId(), "https://x/cb", "offline_access", connected.tenantId());
        assertThat(xero.configureWebhook(app.clientId(), hook(), KEY).status()).isEqualTo("OK");
        payloads.clear();
        failDeliveries.set(true);
        xero.createContact(other.tenantId(), Map.of("Name", "Elsewhere"));
        xero.createContact(connected.tenantId(), Map.of("Name", "Here"));
        await().atMost(Duration.ofSeconds(10)).until(() -> xero.webhookStatus(app.clientId()).failedAttempts() >= 1);
        assertThat(xero.webhookStatus(app.clientId()).pendingEvents()).isEqualTo(1);
        failDeliveries.set(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> events().size() == 1);
        assertThat(events().get(0).get("tenantId").asText()).isEqualTo(connected.tenantId());
    }
}
