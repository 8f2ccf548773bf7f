package io.sxs.app.pipeline;

import io.sxs.connector.runtime.ConnectorRuntime;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.connector.scoro.ScoroConnector;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.contact.XeroContactReader;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.connector.xero.sink.XeroCommandWriter;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.secret.SecretCipher;
import java.util.List;

/** Assembles each system's readers and writer into a connector runtime; one API client per system and instance. */
final class Connectors {

    private Connectors() {
    }

    static ConnectorRuntime xero(ConnectorSettings settings, SecretCipher cipher) {
        XeroClient client = new XeroClient();
        return new ConnectorRuntime(settings, SystemType.XERO,
                List.of(new XeroContactReader(client), new XeroInvoiceReader(client)), new XeroCommandWriter(client), cipher);
    }

    static ConnectorRuntime scoro(ConnectorSettings settings, SecretCipher cipher) {
        ScoroConnector connector = ScoroConnector.create(ScoroClientSettings.defaults());
        return new ConnectorRuntime(settings, SystemType.SCORO, connector.readers(), connector.writer(), cipher);
    }
}
