package io.sxs.connector.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A budget built from what both APIs have: a cap on calls in flight, a local sliding window (Xero's 60 a minute),
 * a short window the API reports in headers (Scoro's {@code x-ratelimit-*}), a daily quota the API reports
 * ({@code X-DayLimit-Remaining}, {@code x-daily-requests-*}), windows shared by every account of the application
 * (Xero's 10,000 a minute), and the {@code Retry-After} of a 429, which always wins. Each lane leaves part of
 * every limit to the lanes above it ({@link Lane#usable}). A spent daily quota parks every lane until its reset.
 */
public class RateBudget implements ApiBudget {

    /** When the daily quota's reset is unknown, one call is let through this often to learn where it stands. */
    static final Duration DAILY_PROBE = Duration.ofHours(1);

    /**
     * @param concurrent   calls in flight at most
     * @param windowLimit  calls per {@code window} at most (0: no local window)
     * @param dailyLimit   calls per day until the API reports its own figure
     * @param pollShare    share of the daily quota that polls may spend ({@link PollAllowance})
     */
    public record Limits(int concurrent, long windowLimit, Duration window, long dailyLimit, double pollShare) {
        public Limits {
            if (concurrent < 1 || dailyLimit < 1) {
                throw new IllegalArgumentException("concurrent and dailyLimit must be positive");
            }
        }
    }

    private final String name;
    /** Per system, never per account: the number of organisations and sites would make the series unbounded. */
    private final io.micrometer.core.instrument.Counter callCounter;
    private final io.micrometer.core.instrument.Counter throttledCounter;
    private final Clock clock;
    private final Limits limits;
    private final SlidingWindow window;
    private final List<SharedWindow> shared;
    private final PollAllowance polls;

    private int inFlight;
    private long calls;
    private long throttled;
    private Instant retryNotBefore;
    private String throttleReason;
    // The short window as the API last reported it, and calls started since.
    private long reportedLimit = -1;
    private long reportedRemaining = -1;
    private Instant reportedResetAt;
    private long sinceWindowReport;
    // The daily quota as the API last reported it, and calls started since.
    private long dayLimit;
    private long dayRemaining = -1;
    private Instant dayResetAt;
    private long sinceDayReport;

    public RateBudget(String name, Clock clock, Limits limits, List<SharedWindow> shared) {
        this.name = name;
        String system = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        this.callCounter = io.micrometer.core.instrument.Metrics.counter("sxs.api.calls", "system", system);
        this.throttledCounter = io.micrometer.core.instrument.Metrics.counter("sxs.api.throttled", "system", system);
        this.clock = clock;
        this.limits = limits;
        this.window = limits.windowLimit() > 0 ? new SlidingWindow(limits.windowLimit(), limits.window()) : null;
        this.shared = List.copyOf(shared);
        this.dayLimit = limits.dailyLimit();
        this.polls = new PollAllowance(clock, limits.dailyLimit(), limits.pollShare());
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public Duration waitTime(Lane lane) {
        Instant now = clock.instant();
        Duration wait;
        synchronized (this) {
            wait = ownWait(lane, now);
        }
        for (SharedWindow w : shared) {
            wait = max(wait, w.waitFor(lane, now));
        }
        return wait;
    }

    @Override
    public Optional<CallPermit> tryAcquire(Lane lane) {
        Instant now = clock.instant();
        synchronized (this) {
            if (!ownWait(lane, now).isZero()) {
                return Optional.empty();
            }
            for (int i = 0; i < shared.size(); i++) {
                if (!shared.get(i).tryStart(lane, now)) {
                    shared.subList(0, i).forEach(SharedWindow::cancel);
                    return Optional.empty();
                }
            }
            inFlight++;
            calls++;
            sinceWindowReport++;
            sinceDayReport++;
            if (window != null) {
                window.start();
            }
        }
        callCounter.increment();
        return Optional.of(new Permit());
    }

    private Duration ownWait(Lane lane, Instant now) {
        if (retryNotBefore != null) {
            if (now.isBefore(retryNotBefore)) {
                return Duration.between(now, retryNotBefore);
            }
            retryNotBefore = null;
            throttleReason = null;
        }
        Duration wait = Duration.ZERO;
        if (inFlight >= lane.usable(limits.concurrent())) {
            wait = SlidingWindow.SOON;
        }
        if (window != null) {
            wait = max(wait, window.waitFor(lane.usable(window.limit()), now));
        }
        if (reportedResetAt != null) {
            if (!now.isBefore(reportedResetAt)) {
                reportedResetAt = null; // a fresh window: the limit applies again until the next report
                reportedRemaining = -1;
            } else if (reportedRemaining - sinceWindowReport - (reportedLimit - lane.usable(reportedLimit)) <= 0) {
                wait = max(wait, Duration.between(now, reportedResetAt));
            }
        }
        if (dayResetAt != null && !now.isBefore(dayResetAt)) {
            dayRemaining = -1; // past the reset: unknown again, which lets a call through to learn the new figure
            dayResetAt = null;
        }
        if (dayRemaining >= 0 && dayRemaining - sinceDayReport - (dayLimit - lane.usable(dayLimit)) <= 0) {
            if (dayResetAt == null) {
                dayResetAt = now.plus(DAILY_PROBE);
            }
            wait = max(wait, Duration.between(now, dayResetAt));
        }
        return wait;
    }

    /** The API's report of its short window: limit, calls left, when it resets (null: not reported). */
    public synchronized void observeWindow(Long limit, Long remaining, Instant resetAt) {
        if (limit != null && remaining != null && resetAt != null) {
            reportedLimit = limit;
            reportedRemaining = remaining;
            reportedResetAt = resetAt;
            sinceWindowReport = Math.max(0, inFlight - 1); // calls still in flight were not counted yet
        }
    }

    /**
     * The API's report of calls left in its own minute window (Xero's {@code X-MinLimit-Remaining}). Only more left
     * than the whole local window holds means the plan allows more (the local window then grows to match): the API's
     * windows are fixed, so its count and the local sliding count must never be added up. Fewer is left to the local
     * window, which is already stricter than the API's fixed windows.
     */
    public synchronized void observeWindowRemaining(long remaining) {
        if (window != null && remaining > window.limit()) {
            window.raise(remaining);
        }
    }

    /** The API's report of the daily quota (null parts: not reported; a null reset keeps any earlier estimate). */
    public synchronized void observeDaily(Long limit, Long remaining, Instant resetAt) {
        Instant now = clock.instant();
        if (limit != null && limit > 0) {
            dayLimit = limit;
            polls.dailyLimit(limit);
        } else if (remaining != null && remaining > dayLimit) {
            // More left than the limit we assumed (Xero does not report its limit): the plan allows more.
            dayLimit = remaining;
            polls.dailyLimit(remaining);
        }
        if (remaining != null) {
            boolean opened = remaining >= dayLimit - 1
                    || (dayRemaining >= 0 && remaining > dayRemaining - sinceDayReport + 1);
            if (resetAt == null && opened) {
                // The count went up: a new day window opened around now (Xero does not say when it resets).
                dayResetAt = now.plus(Duration.ofDays(1));
            }
            dayRemaining = remaining;
            sinceDayReport = Math.max(0, inFlight - 1);
        }
        if (resetAt != null) {
            dayResetAt = resetAt;
        }
    }

    /** A 429: nothing goes out before {@code retryAfter} has passed; a spent daily quota parks until its reset. */
    public synchronized void observeThrottled(Duration retryAfter, String problem, boolean daily) {
        Instant now = clock.instant();
        throttled++;
        throttledCounter.increment();
        Instant until = now.plus(retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()
                ? Duration.ofSeconds(1) : retryAfter);
        if (retryNotBefore == null || until.isAfter(retryNotBefore)) {
            retryNotBefore = until;
        }
        throttleReason = problem;
        if (daily) {
            dayRemaining = 0;
            sinceDayReport = 0;
            dayResetAt = until;
        }
    }

    @Override
    public PollAllowance polls() {
        return polls;
    }

    @Override
    public synchronized BudgetStatus status() {
        Instant now = clock.instant();
        Instant parked = null;
        String reason = null;
        if (retryNotBefore != null && now.isBefore(retryNotBefore)) {
            parked = retryNotBefore;
            reason = "429 from the API (" + (throttleReason == null ? "throttled" : throttleReason) + "), Retry-After honoured";
        }
        long left = dayRemaining < 0 ? -1 : Math.max(0, dayRemaining - sinceDayReport);
        if (left >= 0 && dayResetAt != null && now.isBefore(dayResetAt)) {
            if (left == 0) {
                parked = dayResetAt;
                reason = "daily quota spent; every call waits for its reset";
            } else if (left <= dayLimit - Lane.READ.usable(dayLimit)) {
                parked = dayResetAt;
                reason = "daily quota nearly spent; reads wait for its reset, the last " + left + " calls are kept for writes";
            } else if (left <= dayLimit - Lane.BACKFILL.usable(dayLimit)) {
                parked = dayResetAt;
                reason = "daily quota running low; backfill waits for its reset, the last " + left
                        + " calls are kept for incremental reads and writes";
            }
        }
        long used = window != null ? window.used(now)
                : reportedResetAt != null && now.isBefore(reportedResetAt) ? reportedLimit - reportedRemaining + sinceWindowReport : 0;
        long limit = window != null ? window.limit() : Math.max(0, reportedLimit);
        return new BudgetStatus(parked, reason, inFlight, used, limit, left, dayLimit, calls, throttled);
    }

    @Override
    public String toString() {
        return "RateBudget[" + name + "]";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private final class Permit implements CallPermit {
        private boolean closed;

        @Override
        public void close() {
            Instant now = clock.instant();
            synchronized (RateBudget.this) {
                if (closed) {
                    return;
                }
                closed = true;
                inFlight = Math.max(0, inFlight - 1);
                if (window != null) {
                    window.finish(now);
                }
            }
            for (SharedWindow w : shared) {
                w.finish(now);
            }
        }
    }
}
