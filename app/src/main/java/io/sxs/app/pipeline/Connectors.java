package io.sxs.app.pipeline;

import io.sxs.connector.runtime.ConnectorRuntime;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.connector.scoro.ScoroConnector;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroRetrySettings;
import io.sxs.connector.xero.contact.XeroContactReader;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.connector.xero.sink.XeroCommandWriter;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.secret.SecretCipher;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Assembles each system's readers and writer into a connector runtime; one API client per system and instance. */
final class Connectors {

    private Connectors() {
    }

    /**
     * The client waits out a Retry-After of a few seconds only. A longer one (Xero's minute or day limit) is reported:
     * the source parks that connection until then, and a write comes back RETRYABLE and is retried by the mapper
     * later with the same idempotency key, so one throttled organisation never stalls the others on this instance.
     */
    static ConnectorRuntime xero(ConnectorSettings settings, SecretCipher cipher) {
        XeroRetrySettings defaults = XeroRetrySettings.defaults();
        XeroClient client = new XeroClient(http(), new XeroRetrySettings(defaults.maxAttempts(), defaults.initialBackoff(),
                defaults.maxBackoff(), Duration.ofSeconds(3), defaults.requestTimeout()), Clock.systemUTC());
        return new ConnectorRuntime(settings, SystemType.XERO,
                List.of(new XeroContactReader(client), new XeroInvoiceReader(client)), new XeroCommandWriter(client), cipher);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ConnectorRuntime scoro(ConnectorSettings settings, SecretCipher cipher) {
        ScoroConnector connector = ScoroConnector.create(ScoroClientSettings.defaults());
        return new ConnectorRuntime(settings, SystemType.SCORO, connector.readers(), connector.writer(), cipher);
    }
}
