package io.sxs.sandbox.scoro;

import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScoroQuotaContractTest extends ScoroContractTest {

    @Test
    void everyReplyReportsShortWindowAndDailyQuota() {
        HttpJson.Reply r = c.call("contacts/list");
        assertThat(r.header("x-ratelimit-limit")).isEqualTo("40");
        assertThat(r.header("x-ratelimit-remaining")).isEqualTo("39");
        assertThat(Long.parseLong(r.header("x-ratelimit-reset"))).isBetween(1L, 2L);
        assertThat(r.header("x-daily-requests-limit")).isEqualTo("500");
        assertThat(r.header("x-daily-requests-remaining")).isEqualTo("499");
        assertThat(Long.parseLong(r.header("x-daily-requests-reset"))).isBetween(1L, 86_400L);
    }

    @Test
    void shortWindowGives429TooManyRequestsUntilItResets() {
        scoro.quotas(c.company().companyAccountId(), new ScoroQuotas(2, Duration.ofSeconds(1), 100));
        c.call("contacts/list");
        c.call("contacts/list");
        HttpJson.Reply r = c.call("contacts/list");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(r.body().get("statusCode").asInt()).isEqualTo(429);
        assertThat(r.body().get("messages").get("error").get(0).asText()).isEqualTo("Too many requests");
        assertThat(r.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(scoro.throttledCalls(c.company().companyAccountId())).isEqualTo(1);
        assertThat(scoro.callCounts(c.company().companyAccountId())).containsEntry("contacts/list", 2L);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(c.call("contacts/list").status()).isEqualTo(200));
    }

    @Test
    void dailyQuotaResetsAtMidnightUtc() {
        scoro.clock().pin(Instant.parse("2030-03-03T23:00:00Z"));
        scoro.quotas(c.company().companyAccountId(), new ScoroQuotas(40, Duration.ofSeconds(2), 2));
        c.call("contacts/list");
        HttpJson.Reply last = c.call("contacts/list");
        assertThat(last.header("x-daily-requests-remaining")).isEqualTo("0");
        assertThat(last.header("x-daily-requests-reset")).isEqualTo("3600");
        assertThat(c.call("contacts/list").status()).isEqualTo(429);
        scoro.clock().pin(Instant.parse("2030-03-04T00:00:01Z"));
        HttpJson.Reply next = c.call("contacts/list");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.header("x-daily-requests-remaining")).isEqualTo("1");
    }
}
