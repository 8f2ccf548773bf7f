package io.sxs.connector.xero.client;

import java.time.Instant;

/**
 * What Xero last told us about one tenant's remaining quota ({@code X-MinLimit-Remaining}, {@code X-DayLimit-Remaining})
 * and when a 429 asked us to wait until. Exposed for pacing; the limiter that acts on it comes later.
 */
public final class RateLimitState {

    private volatile int minuteRemaining = -1;
    private volatile int dayRemaining = -1;
    private volatile Instant retryNotBefore;
    private volatile String lastProblem;

    /** Remaining calls in the current minute window, or -1 when not reported yet. */
    public int minuteRemaining() {
        return minuteRemaining;
    }

    /** Remaining calls today, or -1 when not reported yet. */
    public int dayRemaining() {
        return dayRemaining;
    }

    /** Set by a 429 with Retry-After: no call should be made before this instant (null: none pending). */
    public Instant retryNotBefore() {
        return retryNotBefore;
    }

    /** The {@code X-Rate-Limit-Problem} of the last 429 (minute, daily, appminute), lower case, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    void recordRemaining(Integer minute, Integer day) {
        if (minute != null) {
            minuteRemaining = minute;
        }
        if (day != null) {
            dayRemaining = day;
        }
    }

    void recordLimited(String problem, long retryAfterSeconds, Instant now) {
        lastProblem = problem == null ? null : problem.toLowerCase(java.util.Locale.ROOT);
        retryNotBefore = retryAfterSeconds > 0 ? now.plusSeconds(retryAfterSeconds) : now;
    }

    @Override
    public String toString() {
        return "RateLimitState[minute=" + minuteRemaining + ", day=" + dayRemaining + ", retryNotBefore="
                + retryNotBefore + ", problem=" + lastProblem + "]";
    }
}
