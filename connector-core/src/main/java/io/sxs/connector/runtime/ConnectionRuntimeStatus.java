package io.sxs.connector.runtime;

import io.sxs.connector.budget.BudgetStatus;
import io.sxs.connector.preflight.PreflightVerdict;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import java.time.Instant;
import java.util.Map;

/**
 * One connection as the instance that owns it sees it in one system.
 *
 * @param budget         the API account's budget (parked or not, calls left)
 * @param queuedCommands commands waiting to be written
 * @param lastPoll       when each entity's last poll started
 * @param nextPoll       when each entity's next poll is due (the poll allowance may make it later)
 * @param cursors        each entity's committed source cursor: its watermark and complete passes
 * @param prepared       true once the one-time set-up (webhook subscriptions) is done
 * @param preflight      the pre-flight verdict: the connection syncs only once it passed
 */
public record ConnectionRuntimeStatus(String connectionId, SystemType system, BudgetStatus budget, int queuedCommands,
                                      Map<EntityType, Instant> lastPoll, Map<EntityType, Instant> nextPoll,
                                      Map<EntityType, String> cursors, boolean prepared, PreflightVerdict preflight) {
}
