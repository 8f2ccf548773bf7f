package io.sxs.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandboxes' notion of "now". Real time by default; tests and the admin API can pin or move it
 * so that token expiry, deleted-record retention and modified-since windows are testable without sleeping.
 */
public final class SandboxClock extends Clock {

    /** Offset added to the system clock, or a pinned instant when {@link #pinned} is set. */
    private final AtomicReference<State> state = new AtomicReference<>(new State(null, Duration.ZERO));

    private record State(Instant pinned, Duration offset) { }

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
        State s = state.get();
        return s.pinned != null ? s.pinned : Instant.now().plus(s.offset);
    }

    /** Stops the clock at the given instant (it stays there until moved or released). */
    public void pin(Instant at) {
        state.set(new State(at, Duration.ZERO));
    }

    /** Moves the clock forward (or back) by the given amount, pinned or running. */
    public void advance(Duration by) {
        state.updateAndGet(s -> s.pinned != null ? new State(s.pinned.plus(by), s.offset) : new State(null, s.offset.plus(by)));
    }

    /** Lets the clock run again from the current sandbox time (keeps any offset accumulated so far). */
    public void release() {
        state.updateAndGet(s -> s.pinned != null ? new State(null, Duration.between(Instant.now(), s.pinned)) : s);
    }

    /** Back to the real system time. */
    public void reset() {
        state.set(new State(null, Duration.ZERO));
    }

    public boolean isPinned() {
        return state.get().pinned != null;
    }
}
