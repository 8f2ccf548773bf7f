package io.sxs.sandbox.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroClient;
import io.sxs.sandbox.support.XeroSandboxTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Xero's published per-tenant limits, unscaled: the 6th concurrent call and the 61st call in a minute get 429 with
 * Xero's headers, and waiting exactly the Retry-After (on the sandbox clock) is enough, while waiting less is not.
 */
class XeroPublishedLimitsAcceptanceTest extends XeroSandboxTest {

    XeroClient c;

    @BeforeEach
    void tenant() {
        // A clock pinned at the start of a minute window, so the test decides when time passes.
        xero.clock().pin(Instant.parse("2026-11-29T10:00:00Z"));
        c = new XeroClient(xero, xero.createTenant("Published Limits Ltd"));
        xero.rateLimits(c.tenant().tenantId(), XeroRateLimits.xeroDefaults());
    }

    @Test
    void theSixthConcurrentCallGets429WhileFiveAreInFlight() throws Exception {
        xero.faults(c.tenant().tenantId()).slow(Duration.ofSeconds(3), 1.0);
        ExecutorService callers = Executors.newFixedThreadPool(5);
        List<CompletableFuture<HttpJson.Reply>> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> c.get("/Contacts"), callers));
        }
        // The five are inside their slow replies, each holding a place (asked of the sandbox, not guessed by a sleep).
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> xero.inFlight(c.tenant().tenantId()) == 5);
        HttpJson.Reply sixth = c.get("/Contacts");
        xero.faults(c.tenant().tenantId()).clear();
        callers.shutdown();

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("X-Rate-Limit-Problem")).isEqualTo("concurrent");
        assertThat(sixth.header("X-MinLimit-Remaining")).isNotBlank();
        assertThat(sixth.header("X-DayLimit-Remaining")).isNotBlank();
        assertThat(sixth.header("X-AppMinLimit-Remaining")).isNotBlank();
        for (CompletableFuture<HttpJson.Reply> call : inFlight) {
            assertThat(call.get().status()).isEqualTo(200);
        }
        assertThat(c.get("/Contacts").status()).as("a place is free again").isEqualTo(200);
    }

    @Test
    void theSixtyFirstCallInAMinuteGets429AndRetryAfterIsHonest() {
        for (int i = 1; i <= 60; i++) {
            HttpJson.Reply ok = c.get("/Organisation");
            assertThat(ok.status()).as("call " + i).isEqualTo(200);
            assertThat(ok.header("X-MinLimit-Remaining")).isEqualTo(String.valueOf(60 - i));
        }
        xero.clock().advance(Duration.ofSeconds(20));
        HttpJson.Reply sixtyFirst = c.get("/Organisation");
        assertThat(sixtyFirst.status()).isEqualTo(429);
        assertThat(sixtyFirst.header("X-Rate-Limit-Problem")).isEqualTo("minute");
        assertThat(sixtyFirst.header("X-MinLimit-Remaining")).isEqualTo("0");
        assertThat(sixtyFirst.header("X-DayLimit-Remaining")).isEqualTo("4940");
        long retryAfter = Long.parseLong(sixtyFirst.header("Retry-After"));
        assertThat(retryAfter).isEqualTo(40);

        xero.clock().advance(Duration.ofSeconds(retryAfter - 1));
        assertThat(c.get("/Organisation").status()).as("one second early").isEqualTo(429);
        xero.clock().advance(Duration.ofSeconds(1));
        HttpJson.Reply after = c.get("/Organisation");
        assertThat(after.status()).as("after exactly Retry-After").isEqualTo(200);
        assertThat(after.header("X-MinLimit-Remaining")).isEqualTo("59");
    }
}
