package io.sxs.connector.budget;

/**
 * What a call is for, in priority order. Lower lanes leave part of every limit free for the higher ones, so a
 * backfill never spends the calls a write needs; within one connection the scheduler also runs higher lanes first.
 */
public enum Lane {
    /** Sink writes and the look-ups they need. */
    WRITE,
    /** Incremental polls and targeted reads after a webhook. */
    READ,
    /** Initial full reads and reconciliation passes. */
    BACKFILL;

    /** Share of each limit this lane must leave unused (for the lanes above it). */
    double reserveShare() {
        return switch (this) {
            case WRITE -> 0.0;
            case READ -> 0.10;
            case BACKFILL -> 0.25;
        };
    }

    /** The part of {@code limit} this lane may use; every lane may use at least one call. */
    long usable(long limit) {
        return Math.max(1, limit - (long) Math.ceil(limit * reserveShare()));
    }
}
