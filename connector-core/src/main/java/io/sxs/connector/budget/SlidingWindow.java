package io.sxs.connector.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code limit} calls in any {@code window}, with calls in flight counted as made now. Completion times are
 * recorded (they are at or after the server saw the call), so no fixed window the server counts in can hold more
 * than {@code limit} calls: stricter than the API's fixed windows, yet it lets the full rate through. A token bucket
 * cannot promise both. Not thread-safe: the owning budget synchronises.
 */
public final class SlidingWindow {

    static final Duration SOON = Duration.ofMillis(50);

    private long limit;
    private final Duration window;
    private final ArrayDeque<Instant> completed = new ArrayDeque<>();
    private int inFlight;

    public SlidingWindow(long limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window needs a positive limit and length");
        }
        this.limit = limit;
        this.window = window;
    }

    public long limit() {
        return limit;
    }

    /** A larger limit (the API reported more headroom than assumed); a smaller one is ignored. */
    void raise(long newLimit) {
        limit = Math.max(limit, newLimit);
    }

    /** Calls counted at {@code now}. */
    public long used(Instant now) {
        expire(now);
        return completed.size() + (long) inFlight;
    }

    /** How long until one more call fits within {@code usable} calls (zero: now). */
    public Duration waitFor(long usable, Instant now) {
        expire(now);
        long over = completed.size() + (long) inFlight + 1 - usable;
        if (over <= 0) {
            return Duration.ZERO;
        }
        if (over > completed.size()) {
            // Only calls in flight stand in the way: look again shortly.
            return SOON;
        }
        Instant frees = completed.stream().skip(over - 1).findFirst().orElseThrow().plus(window);
        return Duration.between(now, frees);
    }

    void start() {
        inFlight++;
    }

    /** A started call that was not made after all. */
    void cancel() {
        inFlight = Math.max(0, inFlight - 1);
    }

    void finish(Instant now) {
        inFlight = Math.max(0, inFlight - 1);
        completed.addLast(now);
        while (completed.size() > limit) {
            completed.removeFirst();
        }
    }

    private void expire(Instant now) {
        Instant horizon = now.minus(window);
        while (!completed.isEmpty() && !completed.peekFirst().isAfter(horizon)) {
            completed.removeFirst();
        }
    }
}
