package io.sxs.connector.budget;

import java.time.Duration;
import java.util.Optional;

/**
 * The call budget of one API account (a Xero organisation, a Scoro site), shared by every read and write made for
 * it. Calls are paced ahead of time: a caller asks before it calls, instead of learning from a 429.
 */
public interface ApiBudget {

    /** Zero when a call of this lane may start now; otherwise how long (on the API's clock) before it may. */
    Duration waitTime(Lane lane);

    /** A slot for one call when the lane may call now. */
    Optional<CallPermit> tryAcquire(Lane lane);

    /**
     * Waits until the lane may call and takes a slot. Schedulers look at {@link #waitTime} first, so this normally
     * returns at once; it waits only for follow-up calls within one unit of work.
     */
    default CallPermit acquire(Lane lane) throws InterruptedException {
        while (true) {
            Optional<CallPermit> permit = tryAcquire(lane);
            if (permit.isPresent()) {
                return permit.get();
            }
            Duration wait = waitTime(lane);
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), 100)));
        }
    }

    /** How often polls may start (the reads that happen whether or not anything changed). */
    PollAllowance polls();

    BudgetStatus status();
}
