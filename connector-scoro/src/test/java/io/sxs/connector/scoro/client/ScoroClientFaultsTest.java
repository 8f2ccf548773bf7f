package io.sxs.connector.scoro.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.support.StubScoro;
import io.sxs.connector.scoro.support.TestConnections;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ApiException.Kind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoroClientFaultsTest {

    private final StubScoro stub = new StubScoro();
    private final ScoroClients clients = ScoroClients.create(ScoroClientSettings.fast());
    private final ConnectionContext ctx = TestConnections.scoro("c1", stub.siteUrl() + "/", "acme", "secret-key");

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void sendsTheEnvelopeToTheModuleActionPath() throws Exception {
        stub.ok("[]");
        ScoroClient client = clients.open(ctx);

        client.list("contacts", null, 2, 500, true);

        StubScoro.Request r = stub.requests().get(0);
        assertThat(r.path()).isEqualTo("/api/v2/contacts/list");
        JsonNode body = ScoroJson.parse(r.body());
        assertThat(body.get("apiKey").asText()).isEqualTo("secret-key");
        assertThat(body.get("company_account_id").asText()).isEqualTo("acme");
        assertThat(body.get("page").asInt()).isEqualTo(2);
        assertThat(body.get("per_page").asInt()).isEqualTo(100);
        assertThat(body.get("include_deleted").asInt()).isEqualTo(1);
        assertThat(body.at("/request/include_deleted").asInt()).isEqualTo(1);
    }

    @Test
    void readsAreRetriedAfterServerErrorsAndThrottling() throws Exception {
        stub.reply(503, "<html>busy</html>")
                .reply(429, Map.of("x-ratelimit-reset", "0"), "{\"status\":\"ERROR\",\"statusCode\":429,\"messages\":{\"error\":[\"Too many requests\"]}}")
                .ok("{\"id\":5}");
        ScoroClient client = clients.open(ctx);

        JsonNode data = client.view("invoices", "5");

        assertThat(data.get("id").asInt()).isEqualTo(5);
        assertThat(client.calls()).isEqualTo(3);
        assertThat(clients.totalCalls("c1")).isEqualTo(3);
    }

    @Test
    void retriesAreBoundedAndEndRetryable() {
        stub.reply(500, "x").reply(500, "x").reply(500, "x").reply(500, "x");
        ScoroClient client = clients.open(ctx);

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.view("invoices", "5"));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(client.calls()).isEqualTo(ScoroClientSettings.fast().maxAttempts());
    }

    @Test
    void createIsNeverRetriedBlindly() {
        stub.reply(500, "x").ok("{\"id\":1}");
        ScoroClient client = clients.open(ctx);

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.create("invoices", ScoroJson.object()));

        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(client.calls()).isEqualTo(1);
    }

    @Test
    void validationErrorsAreNotRetried() {
        stub.reply(200, "{\"status\":\"ERROR\",\"statusCode\":400,\"messages\":{\"error\":[\"bad\"]}}");
        ScoroClient client = clients.open(ctx);

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.update("invoices", "1", ScoroJson.object()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(client.calls()).isEqualTo(1);
    }

    @Test
    void spentDailyQuotaParksTheConnectionWithoutCalling() {
        stub.reply(200, Map.of("x-daily-requests-remaining", "0", "x-daily-requests-limit", "500", "x-daily-requests-reset", "3600"),
                "{\"status\":\"OK\",\"statusCode\":200,\"data\":[]}");
        ScoroClient client = clients.open(ctx);

        ApiException e = catchThrowableOfType(ApiException.class, () -> {
            client.list("contacts", null, 1, 100, false);
            client.list("contacts", null, 2, 100, false);
        });

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).isBetween(3500L, 3600L);
        assertThat(stub.requests()).hasSize(1);
        var status = clients.budget(stub.siteUrl() + "/", "acme").status();
        assertThat(status.dayLimit()).isEqualTo(500);
        assertThat(status.parkedUntil()).as("the site is parked until the reported reset").isNotNull();
        assertThat(status.reason()).contains("daily quota");
    }

    @Test
    void htmlInsteadOfJsonIsMalformed() {
        stub.reply(200, "<html><body>Scoro login</body></html>");
        ApiException e = catchThrowableOfType(ApiException.class, () -> clients.open(ctx).view("contacts", "1"));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("HTML");
    }
}
