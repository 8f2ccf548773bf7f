package io.sxs.connector.schedule;

import io.sxs.connector.budget.Lane;
import java.time.Duration;

/**
 * One connection's recurring piece of work (polling one entity, writing its commands). A step does one unit, normally
 * one API call, and never waits: a job that cannot progress says how long to wait instead, and its worker moves on to
 * another connection.
 */
public interface Job {

    /** The lane of the job's next step; within one connection, lower lanes run first. */
    Lane lane();

    /** Zero when the next step can run now; otherwise how long (on the scheduler's clock) before it can. */
    Duration delay();

    /**
     * Runs one step.
     *
     * @return false when the job is finished and leaves the connection, true when it stays
     */
    boolean step();
}
