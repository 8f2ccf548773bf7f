package io.sxs.sandbox.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed-window request counter. A window opens at the first call after the previous one closed, so
 * windows reset at a different moment for every tenant, as Xero describes its limits.
 */
public final class FixedWindow {

    private final Duration length;
    private Instant start;
    private int used;

    public FixedWindow(Duration length) {
        this.length = length;
    }

    private void roll(Instant now) {
        if (start == null || !now.isBefore(start.plus(length))) {
            start = now;
            used = 0;
        }
    }

    /** Counts one call if the window still has room under {@code limit}. */
    public synchronized boolean tryAcquire(int limit, Instant now) {
        roll(now);
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    public synchronized int remaining(int limit, Instant now) {
        roll(now);
        return Math.max(0, limit - used);
    }

    /** Whole seconds until the window resets (at least 1). */
    public synchronized long secondsToReset(Instant now) {
        roll(now);
        long ms = Duration.between(now, start.plus(length)).toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
