package io.sxs.app.control;

import io.sxs.connector.budget.BudgetStatus;
import io.sxs.connector.runtime.ConnectionRuntimeStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.registry.ConnectionDirections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A connection as the control API shows it: its settings and, per system, what the instance that owns it knows.
 * Credentials are never part of it.
 *
 * @param state one word for a person: ACTIVE, PAUSED, REMOVED, DELETED (removed with its ID map), MANUAL, REFUSED, AUTH_REQUIRED, CHECK_FAILED,
 *              UNREADABLE or WAITING (for its pre-flight check)
 * @param problems what stops it, one sentence each
 * @param lag how far behind it is ({@link ConnectionLags}); null while it is not running (paused, removed, refused)
 */
public record ConnectionView(String id, String name, String state, List<String> problems, String status, String syncMode,
                             String scoroSite, String scoroCompanyAccountId, String xeroTenantId,
                             Map<String, String> directions, String contacts, String trackingCategory, long pollIntervalMs,
                             Instant createdAt, Instant updatedAt, List<SystemView> systems, ConnectionLags.Lag lag,
                             int errorCount, ErrorList.Error lastError) {

    /** One system's side of a running connection (absent when no instance in this process owns it). */
    public record SystemView(String system, String preflight, List<String> preflightReport, BudgetStatus budget,
                             int queuedCommands, Map<String, Instant> lastPoll, Map<String, Instant> nextPoll,
                             Map<String, String> cursors) {

        static SystemView of(ConnectionRuntimeStatus s) {
            return new SystemView(s.system().name(), s.preflight().state().name(), s.preflight().report(), s.budget(),
                    s.queuedCommands(), names(s.lastPoll()), names(s.nextPoll()), names(s.cursors()));
        }

        private static <V> Map<String, V> names(Map<EntityType, V> byEntity) {
            Map<String, V> out = new TreeMap<>();
            byEntity.forEach((k, v) -> out.put(k.name(), v));
            return out;
        }
    }

    /** The connection as it was, once deleted from the topic with its ID map. */
    ConnectionView deleted() {
        return new ConnectionView(id, name, "DELETED", List.of(), status, syncMode, scoroSite, scoroCompanyAccountId, xeroTenantId,
                directions, contacts, trackingCategory, pollIntervalMs, createdAt, updatedAt, List.of(), null, errorCount, lastError);
    }

    static ConnectionView of(ConnectionConfig c, List<ConnectionRuntimeStatus> runtime, String refusal,
                             ConnectionLags.Lag lag, List<ErrorList.Error> errors) {
        String state;
        List<String> problems = List.of();
        if (refusal != null) {
            state = "REFUSED";
            problems = List.of(refusal);
        } else if (c.getStatus() != io.sxs.schemas.envelope.ConnectionStatus.ACTIVE) {
            state = c.getStatus().name();
        } else {
            state = runtime.stream().map(r -> r.preflight()).filter(v -> !v.passed()).findFirst()
                    .map(v -> switch (v.state()) {
                        case FAILED -> "CHECK_FAILED";
                        default -> v.state().name();
                    }).orElse(runtime.isEmpty() ? "WAITING"
                            : c.getSyncMode() == io.sxs.schemas.envelope.SyncMode.MANUAL ? "MANUAL" : "ACTIVE");
            problems = runtime.stream().flatMap(r -> r.preflight().problems().stream()).distinct().toList();
        }
        Map<String, String> directions = new TreeMap<>();
        for (EntityType e : ConnectionDirections.configurable()) {
            directions.put(e.name(), ConnectionDirections.of(c, e).name());
        }
        return new ConnectionView(c.getConnectionId(), c.getName(), state, problems, c.getStatus().name(),
                c.getSyncMode().name(), c.getScoro().getSiteUrl(), c.getScoro().getCompanyAccountId(), c.getXero().getTenantId(),
                directions, c.getContacts().name(), c.getTrackingCategory(), c.getPollIntervalMs(), c.getCreatedAt(),
                c.getUpdatedAt(), runtime.stream().map(SystemView::of).toList(),
                state.equals("ACTIVE") || state.equals("MANUAL") ? lag : null, errors.size(),
                errors.isEmpty() ? null : errors.get(0));
    }
}
