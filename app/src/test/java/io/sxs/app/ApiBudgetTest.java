package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.ApiClocks;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.connector.budget.BudgetStatus;
import io.sxs.connector.runtime.ConnectionRuntimeStatus;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.xero.XeroRateLimits;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The APIs' quotas as a budget, proven against the sandboxes' real limits (the sandboxes refuse with 429 whatever
 * exceeds them, so zero 429s means the limits were never crossed): a backlog drains at Xero's 60 calls a minute, a
 * Scoro site's spent daily quota parks its connection until the reset, and a slow organisation costs the others
 * nothing. Time runs on the sandboxes' clocks, which the pipeline's budgets follow, so minutes and midnights pass in
 * seconds.
 */
class ApiBudgetTest extends BrokerAndSandboxes {

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        new io.sxs.app.pipeline.Connections(broker.bootstrapServers()).removeWhere(c -> true);
        xero.clock().reset();
        scoro.clock().reset();
    }

    @Test
    void aLargeBacklogDrainsWithinXerosMinuteLimitAndItsFiveCallsInFlight() throws Exception {
        ScoroCompany company = scoro.createCompany("Backlog Scoro");
        XeroTenant tenant = xero.createTenant("Backlog Ltd");
        xero.rateLimits(tenant.tenantId(), XeroRateLimits.xeroDefaults());
        List<String> numbers = Seeds.scoroInvoices(scoro, company, "B-", 8, 25);
        xero.clock().runAt(30); // a sandbox minute passes in two seconds
        Instant start = xero.clock().instant();
        app = start(Map.of("sxs.xero.batch-size", "2"));
        Seeds.connect(broker.bootstrapServers(), CIPHER, "backlog", scoro, company, xero, tenant, Direction.TO_XERO,
                ContactMode.WITH_DOCUMENTS, 300);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers));
        Duration took = Duration.between(start, xero.clock().instant());
        long calls = xero.callCounts(tenant.tenantId()).values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Backlog: %d Xero calls in %s of sandbox time, %d refused%n", calls, took,
                xero.throttledCalls(tenant.tenantId()));

        assertThat(calls).as("a backlog larger than one minute's budget").isGreaterThan(100);
        assertThat(xero.throttledCalls(tenant.tenantId())).as("429s: the minute and in-flight limits were never crossed").isZero();
        assertThat(took).as("paced over the minutes the budget needs").isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(Seeds.numbersInXero(xero, tenant)).allSatisfy((n, copies) -> assertThat(copies).isEqualTo(1L));
    }

    @Test
    void aSpentScoroDailyQuotaParksTheConnectionUntilTheResetAndThenItResumes() throws Exception {
        ScoroCompany company = scoro.createCompany("Quota Scoro");
        XeroTenant tenant = xero.createTenant("Quota Ltd");
        List<String> numbers = Seeds.scoroInvoices(scoro, company, "Q-", 2, 13);
        scoro.quotas(company.companyAccountId(), new ScoroQuotas(Integer.MAX_VALUE, Duration.ofSeconds(2), 30));
        scoro.clock().pin(Instant.parse("2026-12-01T23:59:00Z"));
        app = start(Map.of());
        Seeds.connect(broker.bootstrapServers(), CIPHER, "quota", scoro, company, xero, tenant, Direction.TO_XERO,
                ContactMode.WITH_DOCUMENTS, 300);

        AtomicReference<BudgetStatus> parked = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            BudgetStatus s = status("quota").map(ConnectionRuntimeStatus::budget).orElse(null);
            parked.set(s);
            return s != null && s.parkedUntil() != null;
        });
        Thread.sleep(2000); // parked: nothing more is called
        long spent = scoro.callCounts(company.companyAccountId()).values().stream().mapToLong(Long::longValue).sum();
        assertThat(parked.get().parkedUntil()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(parked.get().reason()).contains("daily quota");
        assertThat(spent).as("stopped within the day's 30 calls").isLessThanOrEqualTo(30);
        assertThat(scoro.throttledCalls(company.companyAccountId())).as("no call ran into a 429").isZero();
        assertThat(Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers)).as("the sync is unfinished").isFalse();

        scoro.clock().advance(Duration.ofMinutes(2)); // past midnight: a new day's quota
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers));
        assertThat(scoro.throttledCalls(company.companyAccountId())).isZero();
        assertThat(status("quota").orElseThrow().budget().parkedUntil()).as("no longer parked").isNull();
    }

    @Test
    void aSlowOrganisationDoesNotDelayAnotherConnectionsWrites() throws Exception {
        ScoroCompany slowCompany = scoro.createCompany("Slow Scoro");
        XeroTenant slowTenant = xero.createTenant("Slow Ltd");
        ScoroCompany company = scoro.createCompany("Brisk Scoro");
        XeroTenant tenant = xero.createTenant("Brisk Ltd");
        Seeds.scoroInvoices(scoro, slowCompany, "S-", 1, 5);
        List<String> numbers = Seeds.scoroInvoices(scoro, company, "F-", 2, 5);
        xero.faults(slowTenant.tenantId()).slow(Duration.ofSeconds(25), 1.0);
        app = start(Map.of("sxs.source.workers", "2"));
        Seeds.connect(broker.bootstrapServers(), CIPHER, "slow", scoro, slowCompany, xero, slowTenant, Direction.TO_XERO,
                ContactMode.WITH_DOCUMENTS, 300);
        Seeds.connect(broker.bootstrapServers(), CIPHER, "brisk", scoro, company, xero, tenant, Direction.TO_XERO,
                ContactMode.WITH_DOCUMENTS, 300);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers));
        // The slow organisation's first call (25 s) has not even come back: the brisk one did not wait for it.
        assertThat(xero.callCounts(slowTenant.tenantId())).as("nothing of the slow organisation finished yet").isEmpty();
        xero.faults(slowTenant.tenantId()).clear();
    }

    private ConfigurableApplicationContext start(Map<String, Object> extra) throws Exception {
        return Pipelines.start(broker.bootstrapServers(), KEY, Files.createTempDirectory("sxs-budget-"), extra,
                new ApiClocks(xero::clock, scoro::clock));
    }

    private java.util.Optional<ConnectionRuntimeStatus> status(String connectionId) {
        return app.getBean(Pipeline.class).connector(SystemType.SCORO).status(connectionId);
    }
}
