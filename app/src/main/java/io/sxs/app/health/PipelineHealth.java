package io.sxs.app.health;

import io.sxs.app.pipeline.Pipeline;
import io.sxs.connector.runtime.ConnectorRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The pipeline's own parts this process runs (its roles): the mapper RUNNING (REBALANCING counts as up: it is taking its tasks), and every system's
 * sources and sink alive. Anything else is DOWN, so a supervisor restarts the process.
 */
public final class PipelineHealth implements HealthIndicator {

    private final Pipeline pipeline;

    public PipelineHealth(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Health health() {
        if (!pipeline.isRunning()) {
            return Health.down().withDetail("pipeline", "not started").build();
        }
        KafkaStreams.State mapper = pipeline.mapperState();
        boolean runsMapper = pipeline.roles().has(io.sxs.app.config.Role.MAPPER);
        KafkaStreams.State view = pipeline.viewState();
        boolean up = !runsMapper || running(mapper) && running(view);
        Map<String, Object> connectors = new LinkedHashMap<>();
        for (ConnectorRuntime runtime : pipeline.connectors()) {
            ConnectorRuntime.Liveness l = runtime.liveness();
            up &= l.alive();
            connectors.put(runtime.system().name(), Map.of("sourceWorkersAlive", l.workersAlive() + "/" + l.workers(),
                    "sinkAlive", l.sinkAlive()));
        }
        return (up ? Health.up() : Health.down()).withDetail("roles", pipeline.roles().toString())
                .withDetail("mapper", runsMapper ? String.valueOf(mapper) : "not run here")
                .withDetail("view", runsMapper ? String.valueOf(view) : "not run here")
                .withDetail("connectors", connectors).build();
    }

    private static boolean running(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }
}
