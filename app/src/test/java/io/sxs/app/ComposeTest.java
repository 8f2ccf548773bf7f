package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.app.support.ControlClient;
import io.sxs.schemas.secret.SecretCipher;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The compose file brought up for real where Docker exists (skipped here otherwise): the broker with its data on the
 * volume, the sandboxes, and the roles as services, two mappers and two connector instances; the control instance
 * answers with its roles and the operator token.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeTest {

    private static final String TOKEN = "compose-operator-token-0123456789";

    @Container
    static final ComposeContainer COMPOSE = new ComposeContainer(new File("../docker-compose.yml"))
            .withEnv("SXS_SECRETS_KEY", SecretCipher.newBase64Key())
            .withEnv("SXS_CONTROL_TOKEN", TOKEN)
            .withBuild(true)
            .withScaledService("mapper", 2)
            .withScaledService("connectors", 2)
            .withExposedService("control-1", 18080, Wait.forHttp("/actuator/health").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(10)))
            .withExposedService("sandboxes-1", 18081);

    @Test
    void theRolesComeUpAsServicesOfTheirOwn() {
        String base = "http://" + COMPOSE.getServiceHost("control-1", 18080) + ":" + COMPOSE.getServicePort("control-1", 18080);
        ControlClient api = new ControlClient(base, TOKEN);
        JsonNode health = api.get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("pipelineHealth").path("details").path("roles").asText())
                .isEqualTo("[connectors, control]");
        assertThat(api.get("/api/connections").isArray()).isTrue();
    }
}
