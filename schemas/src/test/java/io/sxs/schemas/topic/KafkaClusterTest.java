package io.sxs.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"hunter2\";";

    @Test
    void everyClientGetsTheBootstrapServersAndTheSettingsPlusItsOwn() {
        KafkaCluster cluster = new KafkaCluster("b:9092", Map.of("security.protocol", "SASL_SSL", "bootstrap.servers", "other:1"));
        assertThat(cluster.config()).containsOnly(Map.entry("bootstrap.servers", "b:9092"), Map.entry("security.protocol", "SASL_SSL"));
        assertThat(cluster.config("acks", "all")).containsEntry("acks", "all").containsEntry("security.protocol", "SASL_SSL");
        assertThat(cluster.properties()).containsEntry("bootstrap.servers", "b:9092");
        assertThatThrownBy(() -> cluster.config("acks")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaCluster.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsPrintMasked() {
        KafkaCluster cluster = new KafkaCluster("b:9092", Map.of("sasl.jaas.config", JAAS, "ssl.truststore.password", "p4ss",
                "sasl.mechanism", "PLAIN"));
        assertThat(cluster.toString()).contains("b:9092", "sasl.mechanism=PLAIN", "sasl.jaas.config=****")
                .doesNotContain("hunter2").doesNotContain("p4ss");
    }

    @Test
    void aClientsOwnConfigurationNamesItsClusterAndConnectionSettingsOnly() {
        KafkaCluster cluster = KafkaCluster.fromClientConfig(Map.of("bootstrap.servers", List.of("a:1", "b:2"),
                "sasl.jaas.config", JAAS, "security.protocol", "SASL_PLAINTEXT", "key.serializer", "x.Y", "acks", "all"));
        assertThat(cluster.bootstrapServers()).isEqualTo("a:1,b:2");
        assertThat(cluster.clientProperties()).containsOnlyKeys("sasl.jaas.config", "security.protocol");
        assertThat(KafkaCluster.fromClientConfig(Map.of("acks", "all"))).isNull();
    }
}
