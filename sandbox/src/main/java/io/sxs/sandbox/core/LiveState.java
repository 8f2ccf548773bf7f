package io.sxs.sandbox.core;

import io.sxs.sandbox.http.FaultPlan;

/**
 * What a tenant or company has besides its data: the calls counted and the faults injected. Deliberately not
 * serializable, so a snapshot leaves it out and a restore runs this constructor: both start afresh, as after an outage.
 */
public abstract class LiveState {

    public final CallCounter calls = new CallCounter();
    public final FaultPlan faults = new FaultPlan();
}
