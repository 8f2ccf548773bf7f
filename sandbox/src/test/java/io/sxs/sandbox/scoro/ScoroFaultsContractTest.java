package io.sxs.sandbox.scoro;

import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoroFaultsContractTest extends ScoroContractTest {

    @Test
    void injectedServerErrorsUseTheErrorEnvelope() {
        scoro.faults(company).failNext(1);
        HttpJson.Reply r = c.modify("contacts/modify", Map.of("name", "Never"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(scoro.contacts(company)).isEmpty();
        scoro.faults(company).serverErrors(1.0);
        assertThat(c.call("contacts/list").status()).isIn(500, 503);
        scoro.faults(company).clear();
        assertThat(c.call("contacts/list").status()).isEqualTo(200);
    }

    @Test
    void throttleBurstGives429TooManyRequests() {
        scoro.faults(company).throttleNext(1, 1);
        HttpJson.Reply r = c.call("contacts/list");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body().get("messages").get("error").get(0).asText()).isEqualTo("Too many requests");
        assertThat(r.header("x-ratelimit-reset")).isEqualTo("1");
        assertThat(c.call("contacts/list").status()).isEqualTo(200);
    }

    @Test
    void slowRepliesAreDelayed() {
        scoro.faults(company).slow(Duration.ofMillis(300), 1.0);
        long t0 = System.nanoTime();
        c.call("contacts/list");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        scoro.faults(company).clear();
    }

    @Test
    void aLostReplyHappensAfterTheWriteWasCommitted() {
        scoro.faults(company).loseNextReplies(1);
        assertThatThrownBy(() -> c.modify("contacts/modify", Map.of("name", "Committed", "reference_no", "ext-1")))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(scoro.contacts(company)).hasSize(1);
        assertThat(c.call("contacts/list", "filter", Map.of("reference_no", "ext-1")).body().get("data")).hasSize(1);
        assertThat(scoro.writeCalls(company)).isEqualTo(1);
    }

    @Test
    void faultsAreSwitchableThroughTheAdminApi() {
        URI faults = URI.create(scoro.baseUri() + "/sandbox-admin/companies/" + company + "/faults");
        HttpJson.send("POST", faults, Map.of("throttleNext", 1), Map.of());
        assertThat(c.call("contacts/list").status()).isEqualTo(429);
        assertThat(HttpJson.send("GET", faults, null, Map.of()).body().get("injected").asLong()).isEqualTo(1);
        HttpJson.send("DELETE", faults, null, Map.of());
        assertThat(c.call("contacts/list").status()).isEqualTo(200);
    }

    @Test
    void corruptedReadsDamageEveryReadReplyButNoWriteUntilCleared() {
        c.modify("contacts/modify", Map.of("name", "Acme"));
        scoro.faults(company).corruptReads(new io.sxs.sandbox.http.ReplyCorruption(
                io.sxs.sandbox.http.ReplyCorruption.Kind.REMOVE_FIELD, 0));
        HttpJson.Reply damaged = c.call("contacts/list");
        assertThat(damaged.body().has("status")).as("the first field is gone").isFalse();
        assertThat(damaged.body().get("data").get(0).get("name").asText()).isEqualTo("Acme");
        assertThat(c.modify("contacts/modify", Map.of("name", "Beta")).body().get("status").asText())
                .as("writes are answered as they are").isEqualTo("OK");
        scoro.faults(company).clear();
        assertThat(c.call("contacts/list").body().get("data")).hasSize(2);
    }
}
