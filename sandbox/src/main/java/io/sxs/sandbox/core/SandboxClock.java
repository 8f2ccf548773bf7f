package io.sxs.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandboxes' notion of "now". Real time by default; tests and the admin API can pin or move it, or let it run
 * faster than real time, so that token expiry, deleted-record retention, modified-since windows and rate-limit
 * windows are testable without sleeping. A pipeline sharing the clock (its budgets and schedules) sees the same time.
 */
public final class SandboxClock extends Clock {

    /** Sandbox time is {@code sandboxAt + (real now - realAt) × rate}, or {@code pinned} when set. */
    private final AtomicReference<State> state = new AtomicReference<>(State.real());

    private record State(Instant pinned, Instant realAt, Instant sandboxAt, double rate) {
        static State real() {
            Instant now = Instant.now();
            return new State(null, now, now, 1.0);
        }

        Instant at(Instant real) {
            if (pinned != null) {
                return pinned;
            }
            if (rate == 1.0) {
                return sandboxAt.plus(Duration.between(realAt, real));
            }
            long nanos = Duration.between(realAt, real).toNanos();
            return sandboxAt.plusNanos((long) (nanos * rate));
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is always UTC");
    }

    @Override
    public Instant instant() {
        return state.get().at(Instant.now());
    }

    /**
     * Sandbox time while the clock runs; real time while it is pinned. Short windows that a client waits out use
     * this, so a client's wait still ends while a test holds the clock still.
     */
    public Instant runningInstant() {
        State s = state.get();
        return s.pinned != null ? Instant.now() : s.at(Instant.now());
    }

    /** Stops the clock at the given instant (it stays there until moved or released). */
    public void pin(Instant at) {
        state.set(new State(at, Instant.now(), at, 1.0));
    }

    /** Moves the clock forward (or back) by the given amount, pinned or running. */
    public void advance(Duration by) {
        state.updateAndGet(s -> s.pinned != null ? new State(s.pinned.plus(by), s.realAt, s.sandboxAt, s.rate)
                : new State(null, s.realAt, s.sandboxAt.plus(by), s.rate));
    }

    /** Lets the clock run again from the current sandbox time (keeps any offset accumulated so far). */
    public void release() {
        state.updateAndGet(s -> s.pinned != null ? new State(null, Instant.now(), s.pinned, s.rate) : s);
    }

    /**
     * Lets time run {@code rate} times as fast as real time from now on (1: normal), from the current sandbox time.
     * For demos and benchmarks that need hours of API time (daily quotas, idle polling) in minutes.
     */
    public void runAt(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate must be positive");
        }
        state.updateAndGet(s -> {
            Instant real = Instant.now();
            return new State(s.pinned, real, s.at(real), rate);
        });
    }

    /** How many times as fast as real time the clock runs. */
    public double rate() {
        return state.get().rate;
    }

    /**
     * Continues a saved clock: it runs at {@code rate} from {@code saved} or real now, whichever is later, so
     * sandbox time never goes back across a restart (timestamps and modified-since cursors stay monotonic).
     */
    public void resume(Instant saved, double rate) {
        Instant real = Instant.now();
        state.set(new State(null, real, saved.isAfter(real) ? saved : real, rate));
    }

    /** Back to the real system time. */
    public void reset() {
        state.set(State.real());
    }

    public boolean isPinned() {
        return state.get().pinned != null;
    }
}
