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
     * Waits until the lane may call and takes a slot, unless that would take longer than {@code maxWait}: then it
     * returns empty at once, and the caller reports the call as throttled (so that a worker never sleeps through a
     * spent quota). Schedulers look at {@link #waitTime} first, so this normally returns at once; it waits only for
     * follow-up calls within one unit of work.
     */
    default Optional<CallPermit> acquire(Lane lane, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Optional<CallPermit> permit = tryAcquire(lane);
            if (permit.isPresent()) {
                return permit;
            }
            Duration wait = waitTime(lane);
            long left = deadline - System.nanoTime();
            if (wait.toNanos() > left) {
                return Optional.empty();
            }
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), 100)));
        }
    }

    /** How often polls may start (the reads that happen whether or not anything changed). */
    PollAllowance polls();

    BudgetStatus status();
}
