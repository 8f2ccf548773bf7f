package io.sxs.connector.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RateBudget.Limits XERO = new RateBudget.Limits(5, 60, Duration.ofMinutes(1), 5000, 0.5);

    private final TestClock clock = new TestClock(T0);

    @Test
    void writesMayUseTheWholeMinuteButNeverASixtyFirstCallWithinAnySixtySeconds() {
        RateBudget budget = new RateBudget("t", clock, XERO, List.of());
        for (int i = 0; i < 60; i++) {
            CallPermit permit = budget.tryAcquire(Lane.WRITE).orElseThrow();
            clock.advance(Duration.ofMillis(100));
            permit.close();
        }
        assertThat(budget.tryAcquire(Lane.WRITE)).isEmpty();
        // Now is T0 + 6 s; the first call completed at T0 + 0.1 s: one more call fits once that is a minute old.
        assertThat(budget.waitTime(Lane.WRITE)).isEqualTo(Duration.ofMillis(54_100));
        clock.advance(Duration.ofMillis(54_000));
        assertThat(budget.tryAcquire(Lane.WRITE)).isEmpty();
        clock.advance(Duration.ofMillis(100));
        assertThat(budget.tryAcquire(Lane.WRITE)).isPresent();
    }

    @Test
    void moreHeadroomReportedThanAssumedRaisesTheWindowButLessDoesNotLowerIt() {
        RateBudget budget = new RateBudget("t", clock, XERO, List.of());
        for (int i = 0; i < 50; i++) {
            budget.tryAcquire(Lane.WRITE).orElseThrow().close();
        }
        // A fresh fixed window at the API (59 left) next to 50 calls in the local sliding minute: not a bigger plan.
        budget.observeWindowRemaining(59);
        assertThat(budget.status().windowLimit()).isEqualTo(60);
        budget.observeWindowRemaining(10);
        assertThat(budget.status().windowLimit()).isEqualTo(60);
        budget.observeWindowRemaining(10_000);
        assertThat(budget.status().windowLimit()).isEqualTo(10_000);
    }

    @Test
    void lowerLanesLeaveHeadroomForWrites() {
        RateBudget budget = new RateBudget("t", clock, XERO, List.of());
        int backfill = 0;
        while (budget.tryAcquire(Lane.BACKFILL).map(p -> { p.close(); return true; }).orElse(false)) {
            backfill++;
        }
        assertThat(backfill).as("backfill keeps a quarter of the minute free").isEqualTo(45);
        int reads = 0;
        while (budget.tryAcquire(Lane.READ).map(p -> { p.close(); return true; }).orElse(false)) {
            reads++;
        }
        assertThat(reads).isEqualTo(54 - 45);
        int writes = 0;
        while (budget.tryAcquire(Lane.WRITE).map(p -> { p.close(); return true; }).orElse(false)) {
            writes++;
        }
        assertThat(writes).isEqualTo(6);
    }

    @Test
    void callsInFlightAreCappedAndCounted() {
        RateBudget budget = new RateBudget("t", clock, XERO, List.of());
        List<CallPermit> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(budget.tryAcquire(Lane.WRITE).orElseThrow());
        }
        assertThat(budget.tryAcquire(Lane.WRITE)).as("the sixth concurrent call waits").isEmpty();
        assertThat(budget.status().inFlight()).isEqualTo(5);
        held.get(0).close();
        held.get(0).close(); // releasing twice releases once
        assertThat(budget.status().inFlight()).isEqualTo(4);
        assertThat(budget.tryAcquire(Lane.WRITE)).isPresent();
    }

    @Test
    void aRetryAfterStopsEveryLaneUntilItHasPassed() {
        RateBudget budget = new RateBudget("t", clock, XERO, List.of());
        budget.observeThrottled(Duration.ofSeconds(20), "minute", false);
        assertThat(budget.waitTime(Lane.WRITE)).isEqualTo(Duration.ofSeconds(20));
        assertThat(budget.status().parkedUntil()).isEqualTo(T0.plusSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(budget.tryAcquire(Lane.WRITE)).isPresent();
        assertThat(budget.status().throttled()).isEqualTo(1);
    }

    @Test
    void aReportedShortWindowIsRespectedUntilItResets() {
        RateBudget.Limits scoro = new RateBudget.Limits(2, 0, null, 500, 0.5);
        RateBudget budget = new RateBudget("s", clock, scoro, List.of());
        CallPermit first = budget.tryAcquire(Lane.WRITE).orElseThrow();
        budget.observeWindow(40L, 1L, T0.plusSeconds(2));
        first.close();
        assertThat(budget.tryAcquire(Lane.WRITE)).as("the last call of the window").isPresent().get()
                .satisfies(CallPermit::close);
        assertThat(budget.tryAcquire(Lane.WRITE)).as("window spent").isEmpty();
        assertThat(budget.waitTime(Lane.WRITE)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(budget.tryAcquire(Lane.WRITE)).isPresent();
    }

    @Test
    void aSpentDailyQuotaParksEveryLaneUntilTheReportedResetAndReadsStopEarlierThanWrites() {
        RateBudget.Limits scoro = new RateBudget.Limits(2, 0, null, 500, 0.5);
        RateBudget budget = new RateBudget("s", clock, scoro, List.of());
        Instant midnight = Instant.parse("2026-12-02T00:00:00Z");
        budget.observeDaily(500L, 60L, midnight);
        assertThat(budget.waitTime(Lane.READ)).as("60 left, reads keep 50 for writes").isZero();
        budget.observeDaily(500L, 50L, midnight);
        assertThat(budget.waitTime(Lane.READ)).isEqualTo(Duration.between(T0, midnight));
        assertThat(budget.waitTime(Lane.WRITE)).isZero();
        budget.observeDaily(500L, 0L, midnight);
        assertThat(budget.waitTime(Lane.WRITE)).isEqualTo(Duration.between(T0, midnight));
        assertThat(budget.status().parkedUntil()).isEqualTo(midnight);
        assertThat(budget.status().reason()).contains("daily quota");

        clock.advance(Duration.between(T0, midnight));
        assertThat(budget.tryAcquire(Lane.BACKFILL)).as("after the reset a call finds out the new figure").isPresent();
    }

    @Test
    void aWindowSharedByEveryTenantOfTheAppLimitsThemTogether() {
        SharedWindow app = new SharedWindow(10, Duration.ofMinutes(1));
        RateBudget a = new RateBudget("a", clock, XERO, List.of(app));
        RateBudget b = new RateBudget("b", clock, XERO, List.of(app));
        int calls = 0;
        for (RateBudget budget : List.of(a, b, a, b, a, b, a, b, a, b, a, b)) {
            Optional<CallPermit> p = budget.tryAcquire(Lane.WRITE);
            if (p.isPresent()) {
                p.get().close();
                calls++;
            }
        }
        assertThat(calls).isEqualTo(10);
        assertThat(app.used(clock.instant())).isEqualTo(10);
    }

    @Test
    void pollsShareAFixedPartOfTheDailyQuotaWhateverTheTimeOfDay() {
        RateBudget budget = new RateBudget("s", clock, new RateBudget.Limits(2, 0, null, 500, 0.5), List.of());
        PollAllowance polls = budget.polls();
        assertThat(polls.perDay()).isEqualTo(250);
        int burst = 0;
        while (polls.tryTake()) {
            burst++;
        }
        assertThat(burst).as("a small burst").isEqualTo(4);
        Duration interval = Duration.ofDays(1).dividedBy(250);
        assertThat(polls.waitTime()).isBetween(interval.minusMillis(5), interval.plusMillis(5));
        clock.advance(interval);
        assertThat(polls.tryTake()).isTrue();

        budget.observeDaily(10_000L, 9_000L, null);
        assertThat(polls.perDay()).as("a bigger plan polls more often").isEqualTo(5_000);
    }
}
