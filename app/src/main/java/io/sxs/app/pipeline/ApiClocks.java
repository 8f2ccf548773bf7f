package io.sxs.app.pipeline;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The clock each system's API runs on, which its budgets and schedules follow: the system clock, or in the demo the
 * sandboxes' clocks (which can run faster than real time). Looked up when the pipeline starts.
 */
public record ApiClocks(Supplier<Clock> xero, Supplier<Clock> scoro) {

    public static ApiClocks system() {
        return new ApiClocks(Clock::systemUTC, Clock::systemUTC);
    }
}
