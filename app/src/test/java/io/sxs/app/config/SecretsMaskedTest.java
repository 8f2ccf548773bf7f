package io.sxs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.app.control.ConnectionRequests;
import io.sxs.app.control.XeroGrants;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.connector.xero.auth.XeroTokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every object that holds a secret prints it masked, so no log line or error message can carry one. */
class SecretsMaskedTest {

    private static final String SECRET = "s3cr3t-value-0123456789";

    @Test
    void settingsPrintTheirSecretsMasked() {
        assertThat(new SxsProperties.Secrets(SECRET, "k1").toString()).doesNotContain(SECRET).contains("****");
        assertThat(new SxsProperties.Webhooks("https://sync.example.com", SECRET).toString()).doesNotContain(SECRET);
        assertThat(new SxsProperties.Control(SECRET, null, "client", SECRET, "https://a", "openid", "https://i", "https://c",
                "https://x", Duration.ofMinutes(5), Duration.ofDays(30)).toString()).doesNotContain(SECRET).contains("client");
        KafkaEndpoint kafka = new KafkaEndpoint("b:9092", false, Map.of("sasl.jaas.config",
                "PlainLoginModule required username=\"u\" password=\"" + SECRET + "\";", "security.protocol", "SASL_SSL"));
        assertThat(kafka.toString()).doesNotContain(SECRET).contains("SASL_SSL");
        assertThat(ConnectorSettings.of("b:9092", "i").withClientOverrides(kafka.cluster().clientProperties()).toString())
                .doesNotContain(SECRET);
    }

    @Test
    void credentialsPrintMasked() {
        XeroTokenSet tokens = new XeroTokenSet(SECRET, SECRET + "-refresh", Instant.EPOCH, "grant-1");
        assertThat(tokens.toString()).doesNotContain(SECRET);
        assertThat(new XeroGrants.Grant("g", tokens, "https://identity", List.of(), Instant.EPOCH).toString()).doesNotContain(SECRET);
        assertThat(new ConnectionRequests.ScoroSide("https://acme.scoro.com", "acme", SECRET).toString()).doesNotContain(SECRET);
        assertThat(new ConnectionRequests.XeroSide("t", null, SECRET, SECRET, 1800L, null).toString()).doesNotContain(SECRET);
        assertThat(new ConnectionRequests.Create("c", "n", new ConnectionRequests.ScoroSide("s", "a", SECRET),
                new ConnectionRequests.XeroSide("t", null, SECRET, null, null, null), null).toString()).doesNotContain(SECRET);
    }
}
