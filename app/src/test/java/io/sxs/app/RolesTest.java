package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
 * One jar, roles by configuration: a connectors-and-control instance and a mapper-only instance on one cluster sync
 * together; each runs only its part, says so in its health, and the mapper-only one has no control API.
 */
class RolesTest extends BrokerAndSandboxes {

    @Test
    void aConnectorsInstanceAndAMapperInstanceSyncTogetherEachRunningOnlyItsPart() throws Exception {
        ConfigurableApplicationContext connectors = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-role-c-"), Map.of("sxs.roles", "connectors,control", "sxs.instance-id", "role-c"));
        ConfigurableApplicationContext mapper = null;
        try {
            ScoroCompany company = scoro.createCompany("Roles Scoro");
            XeroTenant tenant = xero.createTenant("Roles Ltd");
            Seeds.scoroInvoice(scoro, company, "RL-1", "Roles Client");
            Seeds.connect(broker.bootstrapServers(), CIPHER, "roles", scoro, company, xero, tenant, Direction.TO_XERO,
                    ContactMode.WITH_DOCUMENTS, 300);
            ControlClient control = ControlClient.of(connectors);
            JsonNode health = control.get("/actuator/health");
            assertThat(health.path("components").path("pipelineHealth").path("details").path("mapper").asText())
                    .isEqualTo("not run here");
            // Read, but nothing decides without a mapper.
            Thread.sleep(2_000);
            assertThat(xero.invoices(tenant.tenantId())).isEmpty();

            mapper = Pipelines.start(broker.bootstrapServers(), KEY, Files.createTempDirectory("sxs-role-m-"),
                    Map.of("sxs.roles", "mapper", "sxs.instance-id", "role-m"));
            await().atMost(Duration.ofSeconds(60)).until(() -> xero.invoices(tenant.tenantId()).stream()
                    .anyMatch(i -> "RL-1".equals(i.get("InvoiceNumber"))));

            ControlClient mapperOnly = ControlClient.of(mapper);
            HttpResponse<String> api = mapperOnly.call("GET", "/api/connections", null);
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.body()).contains("does not run the control role (sxs.roles=[mapper])");
            JsonNode mapperHealth = mapperOnly.get("/actuator/health");
            assertThat(mapperHealth.path("status").asText()).isEqualTo("UP");
            assertThat(mapperHealth.path("components").path("pipelineHealth").path("details").path("roles").asText()).isEqualTo("[mapper]");
            assertThat(mapperHealth.path("components").path("pipelineHealth").path("details").path("connectors").isEmpty()).isTrue();
            assertThat(control.get("/api/connections/roles").path("state").asText()).isEqualTo("ACTIVE");
        } finally {
            if (mapper != null) {
                mapper.close();
            }
            connectors.close();
        }
    }
}
