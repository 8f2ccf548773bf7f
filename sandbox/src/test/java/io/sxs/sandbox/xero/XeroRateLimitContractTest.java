package io.sxs.sandbox.xero;

import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroClient;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class XeroRateLimitContractTest extends XeroContractTest {

    @Test
    void everyReplyReportsRemainingCallsWithXeroDefaults() {
        HttpJson.Reply r = c.get("/Organisation");
        assertThat(r.header("X-MinLimit-Remaining")).isEqualTo("59");
        assertThat(r.header("X-DayLimit-Remaining")).isEqualTo("4999");
        assertThat(Integer.parseInt(r.header("X-AppMinLimit-Remaining"))).isLessThan(10_000);
        assertThat(c.get("/Organisation").header("X-MinLimit-Remaining")).isEqualTo("58");
    }

    @Test
    void minuteLimitGives429WithRetryAfterAndProblem() {
        xero.rateLimits(c.tenant().tenantId(), new XeroRateLimits(5, 3, 100, 10_000));
        for (int i = 0; i < 3; i++) {
            assertThat(c.get("/Contacts").status()).isEqualTo(200);
        }
        HttpJson.Reply r = c.get("/Contacts");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("X-Rate-Limit-Problem")).isEqualTo("minute");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(r.header("X-MinLimit-Remaining")).isEqualTo("0");
        assertThat(xero.throttledCalls(c.tenant().tenantId())).isEqualTo(1);
        assertThat(xero.callCounts(c.tenant().tenantId())).containsEntry("GET /Contacts", 3L);
    }

    @Test
    void dailyLimitFollowsTheSandboxClock() {
        xero.rateLimits(c.tenant().tenantId(), new XeroRateLimits(5, 60, 2, 10_000));
        c.get("/Contacts");
        c.get("/Contacts");
        HttpJson.Reply r = c.get("/Contacts");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("X-Rate-Limit-Problem")).isEqualTo("day");
        assertThat(Long.parseLong(r.header("Retry-After"))).isGreaterThan(80_000L);
        xero.clock().advance(Duration.ofDays(1));
        assertThat(c.get("/Contacts").status()).isEqualTo(200);
    }

    @Test
    void appMinuteLimitSpansTenants() {
        XeroApp app = xero.registerApp("Busy app");
        XeroTenant a = xero.createTenant("A");
        XeroTenant b = xero.createTenant("B");
        XeroRateLimits limits = new XeroRateLimits(5, 60, 5000, 2);
        xero.rateLimits(a.tenantId(), limits);
        xero.rateLimits(b.tenantId(), limits);
        String code = xero.authorize(app.clientId(), "https://x/cb", "offline_access", a.tenantId(), b.tenantId());
        String basic = java.util.Base64.getEncoder().encodeToString((app.clientId() + ":" + app.clientSecret()).getBytes());
        String token = HttpJson.send("POST", java.net.URI.create(xero.identityBase() + "/connect/token"),
                "grant_type=authorization_code&code=" + code + "&redirect_uri=https%3A%2F%2Fx%2Fcb",
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"))
                .body().get("access_token").asText();
        XeroClient ca = new XeroClient(xero, new XeroTenant(a.tenantId(), token, "A"));
        XeroClient cb = new XeroClient(xero, new XeroTenant(b.tenantId(), token, "B"));
        assertThat(ca.get("/Organisation").status()).isEqualTo(200);
        assertThat(cb.get("/Organisation").status()).isEqualTo(200);
        HttpJson.Reply r = ca.get("/Organisation");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("X-Rate-Limit-Problem")).isEqualTo("appminute");
        assertThat(r.header("Retry-After")).isNotBlank();
        HttpJson.Reply connections = HttpJson.send("GET", xero.connectionsUri(), null, Map.of("Authorization", "Bearer " + token));
        assertThat(connections.header("X-AppMinLimit-Remaining")).isNotBlank();
        assertThat(connections.header("X-MinLimit-Remaining")).isNull();
    }

    @Test
    void concurrentLimitRefusesCallsBeyondTheInFlightCap() throws Exception {
        xero.rateLimits(c.tenant().tenantId(), new XeroRateLimits(1, 60, 5000, 10_000));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A user action holds the tenant, so the first API call stays in flight.
        CompletableFuture<Void> user = CompletableFuture.runAsync(() -> xero.read(c.tenant().tenantId(), st -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await(5, TimeUnit.SECONDS);
        CompletableFuture<HttpJson.Reply> first = CompletableFuture.supplyAsync(() -> c.get("/Contacts"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpJson.Reply second = c.get("/Contacts");
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.header("X-Rate-Limit-Problem")).isEqualTo("concurrent");
        });
        release.countDown();
        user.get(5, TimeUnit.SECONDS);
        assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(c.get("/Contacts").status()).isEqualTo(200);
    }
}
