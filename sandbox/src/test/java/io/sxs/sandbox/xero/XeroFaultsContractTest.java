package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XeroFaultsContractTest extends XeroContractTest {

    String tenant;

    @BeforeEach
    void tenant() {
        tenant = c.tenant().tenantId();
    }

    @Test
    void failNextAnswers503WithoutProcessing() {
        xero.faults(tenant).failNext(2);
        assertThat(c.put("/Contacts", wrap("Contacts", Map.of("Name", "A"))).status()).isEqualTo(503);
        assertThat(c.get("/Contacts").status()).isEqualTo(503);
        assertThat(c.get("/Contacts").body().get("Contacts")).isEmpty();
        assertThat(xero.faults(tenant).injected()).isEqualTo(2);
        assertThat(xero.writeCalls(tenant)).isZero();
    }

    @Test
    void serverErrorRateGives500Or503UntilCleared() {
        xero.faults(tenant).serverErrors(1.0);
        for (int i = 0; i < 4; i++) {
            assertThat(c.get("/Organisation").status()).isIn(500, 503);
        }
        xero.faults(tenant).clear();
        assertThat(c.get("/Organisation").status()).isEqualTo(200);
    }

    @Test
    void throttleBurstGives429WithRetryAfter() {
        xero.faults(tenant).throttleNext(2, 1);
        HttpJson.Reply r = c.get("/Contacts");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.header("X-Rate-Limit-Problem")).isEqualTo("minute");
        assertThat(c.get("/Contacts").status()).isEqualTo(429);
        assertThat(c.get("/Contacts").status()).isEqualTo(200);
    }

    @Test
    void slowRepliesAreDelayed() {
        xero.faults(tenant).slow(Duration.ofMillis(400), 1.0);
        long t0 = System.nanoTime();
        assertThat(c.get("/Organisation").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aLostReplyHappensAfterTheWriteWasCommittedAndAnIdempotentRetryReplaysIt() {
        xero.faults(tenant).loseNextReplies(1);
        Map<String, Object> body = wrap("Contacts", Map.of("Name", "Committed Ltd"));
        assertThatThrownBy(() -> c.put("/Contacts", body, "Idempotency-Key", "create-committed"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(xero.contacts(tenant)).hasSize(1);
        HttpJson.Reply retry = c.put("/Contacts", body, "Idempotency-Key", "create-committed");
        assertThat(retry.status()).isEqualTo(200);
        JsonNode contact = retry.body().get("Contacts").get(0);
        assertThat(contact.get("ContactID").asText()).isEqualTo(xero.contacts(tenant).get(0).get("ContactID"));
        assertThat(xero.contacts(tenant)).hasSize(1);
        // reads are never dropped
        xero.faults(tenant).loseReplies(1.0);
        assertThat(c.get("/Contacts").status()).isEqualTo(200);
        xero.faults(tenant).clear();
    }

    @Test
    void faultsAreSwitchableThroughTheAdminApi() {
        URI faults = URI.create(xero.baseUri() + "/sandbox-admin/tenants/" + tenant + "/faults");
        HttpJson.Reply set = HttpJson.send("POST", faults, Map.of("failNext", 1, "slowMillis", 10), Map.of());
        assertThat(set.body().get("failNext").asInt()).isEqualTo(1);
        assertThat(set.body().get("slowMillis").asLong()).isEqualTo(10);
        assertThat(c.get("/Organisation").status()).isEqualTo(503);
        assertThat(c.get("/Organisation").status()).isEqualTo(200);
        assertThat(HttpJson.send("DELETE", faults, null, Map.of()).body().get("slowMillis").asLong()).isZero();
        assertThat(HttpJson.send("GET", faults, null, Map.of()).body().get("injected").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void corruptedReadsDamageEveryReadReplyButNoWriteUntilCleared() {
        c.put("/Contacts", wrap("Contacts", Map.of("Name", "Acme", "EmailAddress", "a@acme.test")));
        xero.faults(tenant).corruptReads(new io.sxs.sandbox.http.ReplyCorruption(
                io.sxs.sandbox.http.ReplyCorruption.Kind.UNKNOWN_ENUM, 0));
        HttpJson.Reply damaged = c.get("/Contacts");
        assertThat(damaged.status()).isEqualTo(200);
        assertThat(damaged.raw()).startsWith("{\"Id\":\"FROBNICATED\"").contains("Acme");
        assertThat(c.put("/Contacts", wrap("Contacts", Map.of("Name", "Beta"))).body().get("Contacts").get(0)
                .get("Name").asText()).as("writes are answered as they are").isEqualTo("Beta");
        xero.faults(tenant).corruptReads(new io.sxs.sandbox.http.ReplyCorruption(
                io.sxs.sandbox.http.ReplyCorruption.Kind.BROKEN_JSON, 7));
        assertThat(c.get("/Contacts").raw()).hasSize(7 + "}{\u0000<html>".length()).endsWith("<html>");
        assertThat(xero.faults(tenant).injected()).isEqualTo(2);
        xero.faults(tenant).clear();
        assertThat(c.get("/Contacts").body().get("Contacts")).hasSize(2);
    }
}
