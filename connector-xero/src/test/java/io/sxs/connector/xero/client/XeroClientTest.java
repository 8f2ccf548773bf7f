package io.sxs.connector.xero.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ApiException.Kind;
import io.sxs.connector.xero.Fixtures;
import io.sxs.connector.xero.StubXeroServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XeroClientTest {

    StubXeroServer stub;
    XeroClient client;
    XeroSession session;

    @BeforeEach
    void setUp() throws Exception {
        stub = new StubXeroServer();
        client = new XeroClient(HttpClient.newHttpClient(), XeroRetrySettings.fast(), Clock.systemUTC());
        session = client.open(Fixtures.connection("c1", stub.apiBase(), "tenant-1", "tok-1"));
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    @Test
    void sendsTheXeroHeadersAndReadsQuotaHeaders() throws Exception {
        stub.reply(200, "{\"Contacts\":[{\"ContactID\":\"a\",\"Total\":1.10}]}",
                Map.of("X-MinLimit-Remaining", "58", "X-DayLimit-Remaining", "4990"));
        XeroResponse r = session.get("Contacts", Map.of("order", "UpdatedDateUTC ASC"), Instant.parse("2024-05-01T10:00:00.750Z"));
        assertThat(r.items("Contacts").get(0).get("Total").decimalValue()).isEqualByComparingTo("1.10");
        assertThat(r.items("Contacts").get(0).get("Total").isBigDecimal()).isTrue();
        StubXeroServer.Received req = stub.received.get(0);
        assertThat(req.header("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(req.header("xero-tenant-id")).isEqualTo("tenant-1");
        assertThat(req.header("Accept")).isEqualTo("application/json");
        assertThat(req.header("If-Modified-Since")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(req.uri()).isEqualTo("/api.xro/2.0/Contacts?order=UpdatedDateUTC%20ASC");
        assertThat(client.budget("tenant-1").status().dayRemaining()).as("the budget learns the daily quota").isEqualTo(4990);
        assertThat(session.calls()).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsWithTheSameIdempotencyKey() throws Exception {
        stub.reply(503, "The service is temporarily unavailable").reply(500, "{}").reply(200, "{\"Invoices\":[]}");
        ObjectNode body = XeroJson.NODES.objectNode();
        body.putArray("Invoices");
        session.put("Invoices", Map.of("unitdp", "4"), body, "key-1");
        assertThat(stub.received).hasSize(3);
        assertThat(stub.received).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.header("Idempotency-Key")).isEqualTo("key-1");
            assertThat(r.uri()).contains("summarizeErrors=false").contains("unitdp=4");
        });
        assertThat(session.calls()).isEqualTo(3);
        assertThat(client.totalCalls()).isEqualTo(3);
    }

    @Test
    void honoursRetryAfterAndGivesUpAfterBoundedAttempts() throws Exception {
        stub.reply(429, "", Map.of("Retry-After", "1", "X-Rate-Limit-Problem", "Minute")).reply(200, "{\"Contacts\":[]}");
        long start = System.nanoTime();
        session.get("Contacts", Map.of(), null);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertThat(client.budget("tenant-1").status().throttled()).isEqualTo(1);

        stub.reply(503, "down").reply(503, "down").reply(503, "down").reply(503, "down");
        assertThatThrownBy(() -> session.get("Contacts", Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
        assertThat(stub.received).hasSize(2 + XeroRetrySettings.fast().maxAttempts());
    }

    @Test
    void aLongRetryAfterIsReportedNotSlept() {
        stub.reply(429, "", Map.of("Retry-After", "3600", "X-Rate-Limit-Problem", "Daily"));
        assertThatThrownBy(() -> session.get("Contacts", Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(3600);
                });
        assertThat(stub.received).hasSize(1);
        assertThat(client.budget("tenant-1").status().parkedUntil()).as("the organisation is parked until the reset")
                .isAfter(Instant.now().plusSeconds(3000));
        assertThat(client.budget("tenant-1").waitTime(io.sxs.connector.budget.Lane.WRITE)).isGreaterThan(java.time.Duration.ofMinutes(50));
    }

    @Test
    void mapsFailuresToKinds() {
        stub.reply(400, """
                {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
                 "Elements":[{"ValidationErrors":[{"Message":"Email address must be valid."}]}]}""");
        assertThatThrownBy(() -> session.get("Contacts", Map.of(), null))
                .isInstanceOfSatisfying(XeroApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.messages()).containsExactly("Email address must be valid.");
                });
        stub.reply(401, "{\"Title\":\"Unauthorized\",\"Status\":401,\"Detail\":\"AuthorizationUnsuccessful\"}");
        assertThatThrownBy(() -> session.get("Contacts", Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORISED));
        stub.reply(403, "{\"Title\":\"Forbidden\",\"Detail\":\"AuthenticationUnsuccessful\"}");
        assertThatThrownBy(() -> session.get("Contacts", Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORISED));
        stub.reply(404, "The resource you're looking for cannot be found");
        assertThatThrownBy(() -> session.get("Contacts/x", Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        stub.reply(200, "<html>oops");
        assertThatThrownBy(() -> session.get("Contacts", Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
        // 4xx are not retried.
        assertThat(stub.received).hasSize(5);
    }

    @Test
    void aTokenSetWithoutAccessTokenIsUnauthorised() {
        assertThatThrownBy(() -> client.open(Fixtures.connection("c2", stub.apiBase(), "t", "")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORISED));
    }
}
