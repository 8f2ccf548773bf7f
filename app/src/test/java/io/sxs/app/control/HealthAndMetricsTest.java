package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The actuator as an operator and a supervisor see it (real app, broker and sandboxes): health UP with the mapper, the
 * connectors, the broker and the connections in its details (for the operator only), Prometheus series of API calls
 * and sync-log records per system, and health DOWN (HTTP 503) once the mapper stops.
 */
class HealthAndMetricsTest extends BrokerAndSandboxes {

    @Test
    void healthIsUpWithItsPartsMetricsCountTheSyncAndAStoppedMapperTurnsHealthDown() throws Exception {
        ScoroCompany company = scoro.createCompany("Health Scoro");
        XeroTenant tenant = xero.createTenant("Health Ltd");
        Seeds.scoroInvoice(scoro, company, "HM-1", "Health Client");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-health-"), Map.of());
        try {
            ControlClient api = ControlClient.of(app);
            Seeds.connect(broker.bootstrapServers(), CIPHER, "hm", scoro, company, xero, tenant, Direction.TO_XERO,
                    ContactMode.WITH_DOCUMENTS, 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> xero.invoices(tenant.tenantId()).size() == 1);

            HttpResponse<String> anonymous = api.withToken(null).call("GET", "/actuator/health", null);
            assertThat(anonymous.statusCode()).isEqualTo(200);
            JsonNode publicView = ControlClient.JSON.readTree(anonymous.body());
            assertThat(publicView.path("status").asText()).isEqualTo("UP");
            assertThat(publicView.has("components")).as("details are for the operator").isFalse();

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").path("components")
                    .path("connectionsHealth").path("details").path("byStatus").path("ACTIVE").asInt() >= 1);
            JsonNode health = api.get("/actuator/health");
            assertThat(health.path("components").path("pipelineHealth").path("details").path("mapper").asText()).isEqualTo("RUNNING");
            assertThat(health.path("components").path("pipelineHealth").path("details").path("connectors").path("XERO")
                    .path("sinkAlive").asBoolean()).isTrue();
            assertThat(health.path("components").path("brokerHealth").path("details").path("brokers").asInt()).isEqualTo(1);

            String prometheus = api.call("GET", "/actuator/prometheus", null).body();
            assertThat(prometheus).contains("sxs_sync_lag_seconds", "sxs_api_calls_total{system=\"xero\"}", "sxs_api_calls_total{system=\"scoro\"}",
                    "sxs_api_throttled_total", "sxs_errors_standing{kind=\"REJECTED\"}", "sxs_mapper_lag");
            await().atMost(Duration.ofSeconds(30)).until(() -> api.call("GET", "/actuator/prometheus", null).body()
                    .contains("sxs_sync_records_total{entity=\"INVOICE\",outcome=\"WRITTEN\",stage=\"SINK\",system=\"XERO\"}"));
            assertThat(prometheus).doesNotContain("connection=\"hm\"");

            app.getBean(Pipeline.class).mapper().close(Duration.ofSeconds(30));
            HttpResponse<String> down = api.call("GET", "/actuator/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode downView = ControlClient.JSON.readTree(down.body());
            assertThat(downView.path("status").asText()).isEqualTo("DOWN");
            assertThat(downView.path("components").path("pipelineHealth").path("status").asText()).isEqualTo("DOWN");
            assertThat(downView.path("components").path("pipelineHealth").path("details").path("mapper").asText())
                    .isIn("NOT_RUNNING", "PENDING_SHUTDOWN");
        } finally {
            app.close();
        }
    }
}
