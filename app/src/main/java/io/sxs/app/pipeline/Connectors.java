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
     * Reads give up on a Retry-After longer than a few seconds: the source then parks that connection until the
     * limit resets and serves the others. Writes wait it out (up to a minute), because a write that is given up is
     * only tried again when its item changes again.
     */
    static ConnectorRuntime xero(ConnectorSettings settings, SecretCipher cipher) {
        XeroRetrySettings writes = XeroRetrySettings.defaults();
        XeroRetrySettings reads = new XeroRetrySettings(writes.maxAttempts(), writes.initialBackoff(), writes.maxBackoff(),
                Duration.ofSeconds(3), writes.requestTimeout());
        XeroClient readClient = new XeroClient(http(), reads, Clock.systemUTC());
        XeroClient writeClient = new XeroClient(http(), writes, Clock.systemUTC());
        return new ConnectorRuntime(settings, SystemType.XERO,
                List.of(new XeroContactReader(readClient), new XeroInvoiceReader(readClient)),
                new XeroCommandWriter(writeClient), cipher);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ConnectorRuntime scoro(ConnectorSettings settings, SecretCipher cipher) {
        ScoroConnector connector = ScoroConnector.create(ScoroClientSettings.defaults());
        return new ConnectorRuntime(settings, SystemType.SCORO, connector.readers(), connector.writer(), cipher);
    }
}
