package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScoroWebhooksContractTest {

    ScoroSandbox scoro;
    HttpServer receiver;
    ScoroClient c;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        scoro = ScoroSandbox.start(0);
        c = new ScoroClient(scoro, scoro.createCompany("Hooks"));
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if ("POST".equals(ex.getRequestMethod())) {
                received.add(Json.MAPPER.readTree(body));
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        scoro.close();
    }

    private String url(String path) {
        return "http://localhost:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode ok(HttpJson.Reply r) {
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    @Test
    void subscriptionsReportCreatesModifiesAndDeletesAsHints() {
        JsonNode sub = ok(c.modify("webhooks/subscribe", Map.of("module", "invoices", "action", "any", "url", url("/hook"))));
        assertThat(sub.get("id").asLong()).isPositive();
        assertThat(ok(c.call("webhooks/list"))).hasSize(1);
        long client = ok(c.modify("contacts/modify", Map.of("name", "Client"))).get("contact_id").asLong();
        long invoice = ok(c.modify("invoices/modify", Map.of("company_id", client, "lines", List.of(Map.of("price", "10")))))
                .get("id").asLong();
        ok(c.modify("invoices/modify/" + invoice, Map.of("description", "changed")));
        ok(c.call("invoices/delete/" + invoice));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
        assertThat(received).extracting(e -> e.get("action").asText()).containsExactly("create", "modify", "delete");
        JsonNode modify = received.get(1);
        assertThat(modify.get("module").asText()).isEqualTo("invoices");
        assertThat(modify.get("object_id").asLong()).isEqualTo(invoice);
        assertThat(modify.get("company_account_id").asText()).isEqualTo(c.company().companyAccountId());
        assertThat(modify.get("changed_fields").toString()).contains("description");

        ok(c.call("webhooks/unsubscribe/" + sub.get("id").asLong()));
        ok(c.modify("invoices/modify", Map.of("company_id", client)));
        assertThat(ok(c.call("webhooks/list"))).isEmpty();
    }

    @Test
    void fieldsAndModuleAliasesNarrowTheEvents() {
        ok(c.modify("webhooks/subscribe", Map.of("module", "invoices", "action", "modify", "url", url("/hook"),
                "fields", List.of("is_sent"))));
        ok(c.modify("webhooks/subscribe", Map.of("module", "companies", "action", "create", "url", url("/hook"))));
        long company = ok(c.modify("contacts/modify", Map.of("name", "Acme", "contact_type", "company"))).get("contact_id").asLong();
        ok(c.modify("contacts/modify", Map.of("name", "Jo", "contact_type", "person")));
        long invoice = ok(c.modify("invoices/modify", Map.of("company_id", company))).get("id").asLong();
        ok(c.modify("invoices/modify/" + invoice, Map.of("description", "ignored")));
        ok(c.modify("invoices/modify/" + invoice, Map.of("is_sent", 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(received).extracting(e -> e.get("module").asText()).containsExactlyInAnyOrder("companies", "invoices");
        JsonNode sent = received.stream().filter(e -> e.get("module").asText().equals("invoices")).findFirst().orElseThrow();
        assertThat(sent.get("changed_fields").toString()).contains("is_sent");
    }

    @Test
    void theUrlMustAnswer200WhenTheSubscriptionIsSaved() {
        HttpJson.Reply r = c.modify("webhooks/subscribe", Map.of("module", "invoices", "action", "any", "url", url("/missing")));
        assertThat(r.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(c.modify("webhooks/subscribe", Map.of("module", "tasks", "action", "any", "url", url("/hook")))
                .body().get("status").asText()).isEqualTo("ERROR");
    }
}
