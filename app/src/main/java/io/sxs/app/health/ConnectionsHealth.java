package io.sxs.app.health;

import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.webhook.ConnectionDirectory;
import io.sxs.connector.preflight.PreflightState;
import io.sxs.connector.runtime.ConnectorRuntime;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The connections by status, and those that need a person (AUTH_REQUIRED, REFUSED, a failed pre-flight check). Those
 * are reported, not DOWN: one organisation's revoked grant must not take the process out of service for the others.
 */
public final class ConnectionsHealth implements HealthIndicator {

    private final ConnectionDirectory directory;
    private final Pipeline pipeline;

    public ConnectionsHealth(ConnectionDirectory directory, Pipeline pipeline) {
        this.directory = directory;
        this.pipeline = pipeline;
    }

    @Override
    public Health health() {
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> authRequired = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> checkFailed = new ArrayList<>();
        for (ConnectionConfig c : directory.all()) {
            byStatus.merge(c.getStatus().name(), 1, Integer::sum);
            if (c.getStatus() != ConnectionStatus.ACTIVE || !pipeline.isRunning()) {
                continue;
            }
            ConnectorRuntime runtime = pipeline.connectors().isEmpty() ? null : pipeline.connectors().get(0);
            PreflightState state = runtime == null ? null
                    : runtime.checks().verdict(c).state();
            if (state == PreflightState.AUTH_REQUIRED) {
                authRequired.add(c.getConnectionId());
            } else if (state == PreflightState.REFUSED) {
                refused.add(c.getConnectionId());
            } else if (state == PreflightState.FAILED) {
                checkFailed.add(c.getConnectionId());
            }
        }
        return Health.up().withDetail("byStatus", byStatus).withDetail("authRequired", cap(authRequired))
                .withDetail("refused", cap(refused)).withDetail("checkFailed", cap(checkFailed)).build();
    }

    private static List<String> cap(List<String> ids) {
        return ids.size() <= 50 ? ids : List.copyOf(ids.subList(0, 50));
    }
}
