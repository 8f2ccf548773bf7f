package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.app.demo.Demo;
import io.sxs.app.demo.DemoSandboxes;
import io.sxs.kafka.embedded.FreePorts;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo on the sandboxes' real limits and quotas, through its initial sync and an idle hour: no 429 on either side,
 * and what it spends idle, counted by the sandboxes and projected to a day, fits the daily quotas with room to spare
 * (Scoro's 500 include what the initial sync spent). Time runs 300 times as fast in the sandboxes and the pipeline's
 * budgets, so the hour passes in twelve seconds.
 */
class DemoBudgetTest {

    @Test
    void theDemoStaysWithinTheRealLimitsThroughItsInitialSyncAndAnIdleHour() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(Map.of(
                "sxs.data-dir", Files.createTempDirectory("sxs-demo-budget-").toString(), "sxs.broker.port", FreePorts.next(),
                "sxs.broker.controller-port", FreePorts.next(), "sxs.demo.xero-port", 0, "sxs.demo.scoro-port", 0,
                // The demo's one-off payments after the sync would count as idle calls, multiplied by the day.
                "server.port", 0, "sxs.demo.time-rate", 300, "sxs.demo.payments", false)).run();
        try {
            Demo demo = app.getBean(Demo.class);
            DemoSandboxes sandboxes = app.getBean(DemoSandboxes.class);
            String tenant = sandboxes.seed().xeroTenant().tenantId();
            String company = sandboxes.seed().scoroCompany().companyAccountId();
            assertThat(demo.awaitInitialSync(Duration.ofMinutes(3))).isTrue();
            Thread.sleep(2000); // the initial writes' echoes and webhooks settle
            long xeroAfterSync = total(sandboxes.xero().callCounts(tenant));
            long scoroAfterSync = total(sandboxes.scoro().callCounts(company));
            Instant idleFrom = sandboxes.xero().clock().instant();

            Thread.sleep(12_000);
            Duration idle = Duration.between(idleFrom, sandboxes.xero().clock().instant());
            long xeroIdle = total(sandboxes.xero().callCounts(tenant)) - xeroAfterSync;
            long scoroIdle = total(sandboxes.scoro().callCounts(company)) - scoroAfterSync;
            double perDay = Duration.ofDays(1).toMillis() / (double) idle.toMillis();
            System.out.printf("Idle for %s of sandbox time: Xero %d calls (%.0f a day), Scoro %d calls (%.0f a day); "
                    + "initial sync Xero %d, Scoro %d%n", idle, xeroIdle, xeroIdle * perDay, scoroIdle, scoroIdle * perDay,
                    xeroAfterSync, scoroAfterSync);

            assertThat(idle).as("an idle hour of sandbox time").isGreaterThanOrEqualTo(Duration.ofMinutes(50));
            assertThat(sandboxes.xero().throttledCalls(tenant)).as("Xero 429s").isZero();
            assertThat(sandboxes.scoro().throttledCalls(company)).as("Scoro 429s").isZero();
            assertThat(xeroIdle * perDay).as("Xero calls a day when idle").isLessThan(5000 * 0.5);
            assertThat(scoroAfterSync + scoroIdle * perDay).as("Scoro calls on the first day").isLessThan(500);
        } finally {
            app.close();
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
