package io.sxs.connector.budget;

import java.time.Duration;
import java.time.Instant;

/** A sliding window shared by every account of one application (Xero's 10,000 calls a minute across tenants). */
public final class SharedWindow {

    private final SlidingWindow window;

    public SharedWindow(long limit, Duration length) {
        this.window = new SlidingWindow(limit, length);
    }

    synchronized Duration waitFor(Lane lane, Instant now) {
        return window.waitFor(lane.usable(window.limit()), now);
    }

    synchronized boolean tryStart(Lane lane, Instant now) {
        if (!window.waitFor(lane.usable(window.limit()), now).isZero()) {
            return false;
        }
        window.start();
        return true;
    }

    synchronized void cancel() {
        window.cancel();
    }

    synchronized void finish(Instant now) {
        window.finish(now);
    }

    public synchronized long used(Instant now) {
        return window.used(now);
    }
}
