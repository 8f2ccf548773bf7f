package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.app.config.SxsProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Bad configuration stops the start with an error that names the setting, before anything connects anywhere. */
class ConfigurationErrorsTest {

    @Test
    void zeroPartitionsIsRefusedByName() {
        assertThatThrownBy(() -> start(Map.of("sxs.topics.partitions", "0")))
                .hasRootCauseInstanceOf(SxsProperties.InvalidConfigurationException.class)
                .rootCause().hasMessageContaining("sxs.topics.partitions");
    }

    @Test
    void aSecretKeyThatIsNotABase64AesKeyIsRefusedByName() {
        assertThatThrownBy(() -> start(Map.of("spring.kafka.bootstrap-servers", "localhost:1", "sxs.secrets.key", "not-a-key")))
                .rootCause().hasMessageContaining("sxs.secrets.key");
    }

    @Test
    void anExternalClusterWithoutASecretKeyIsRefused() {
        assertThatThrownBy(() -> start(Map.of("spring.kafka.bootstrap-servers", "localhost:1")))
                .rootCause().hasMessageContaining("sxs.secrets.key is required");
    }

    @Test
    void anExternalClusterWithoutAnOperatorTokenIsRefused() {
        assertThatThrownBy(() -> start(Map.of("spring.kafka.bootstrap-servers", "localhost:1",
                "sxs.secrets.key", io.sxs.schemas.secret.SecretCipher.newBase64Key())))
                .rootCause().hasMessageContaining("sxs.control.token is required with an external Kafka cluster");
    }

    @Test
    void aShortOperatorTokenIsRefused() {
        assertThatThrownBy(() -> start(Map.of("sxs.control.token", "short")))
                .rootCause().hasMessageContaining("sxs.control.token must be at least 16 characters");
    }

    @Test
    void rolesThatDoNotFitTheClusterSettingOrTheDemoAreRefusedByName() {
        Map<String, Object> cluster = Map.of("spring.kafka.bootstrap-servers", "localhost:1",
                "sxs.secrets.key", io.sxs.schemas.secret.SecretCipher.newBase64Key(), "sxs.control.token", "a-long-enough-operator-token");
        Map<String, Object> withBroker = new java.util.HashMap<>(cluster);
        withBroker.put("sxs.roles", "broker,mapper");
        assertThatThrownBy(() -> start(withBroker)).rootCause().hasMessageContaining("sxs.roles includes broker");
        assertThatThrownBy(() -> start(Map.of("sxs.roles", "mapper"))).rootCause()
                .hasMessageContaining("sxs.roles [MAPPER] has no broker: set spring.kafka.bootstrap-servers");
        assertThatThrownBy(() -> start(Map.of("sxs.roles", "mapper,ruler"))).hasStackTraceContaining("Failed to bind properties under 'sxs.roles'");
        Map<String, Object> demo = new java.util.HashMap<>(cluster);
        demo.put("sxs.roles", "mapper");
        assertThatThrownBy(() -> new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(demo).run().close())
                .rootCause().hasMessageContaining("The demo runs every role in one process").hasMessageContaining("sxs.demo.enabled=false");
    }

    private static void start(Map<String, Object> props) {
        Map<String, Object> all = new java.util.HashMap<>(props);
        all.put("sxs.demo.enabled", "false");
        new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(all).run().close();
    }
}
