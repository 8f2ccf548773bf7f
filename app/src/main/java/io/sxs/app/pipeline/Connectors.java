package io.sxs.app.pipeline;

import io.sxs.app.config.SxsProperties;
import io.sxs.connector.runtime.ConnectorRuntime;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.connector.scoro.ScoroConnector;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.xero.XeroConnector;
import io.sxs.connector.xero.auth.XeroAccessTokens;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroLimits;
import io.sxs.connector.xero.client.XeroRetrySettings;
import io.sxs.schemas.secret.SecretCipher;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Assembles each system's connector into a runtime: one API client per system and instance (so one budget per Xero
 * organisation and per Scoro site), paced retries (a 429 is never slept through: the budget keeps the Retry-After
 * and the scheduler waits without holding a worker), and the webhooks each system can announce changes with.
 */
final class Connectors {

    /** Token purpose of the secret part of a connection's Scoro webhook URL. */
    static final String SCORO_WEBHOOK_TOKEN = io.sxs.app.webhook.WebhookController.SCORO_TOKEN;

    private Connectors() {
    }

    static ConnectorRuntime xero(ConnectorSettings settings, SxsProperties props, SecretCipher cipher, Clock clock,
                                 boolean webhooks) {
        XeroLimits defaults = XeroLimits.xeroDefaults();
        XeroLimits limits = new XeroLimits(defaults.concurrent(), defaults.perMinute(), props.xero().dayLimit(),
                props.xero().appMinuteLimit(), defaults.pollShare());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        SxsProperties.Control control = props.control();
        XeroAccessTokens tokens = new XeroAccessTokens(http, control.xeroClientId(), control.xeroClientSecret(), clock,
                control.refreshAhead(), control.refreshUnusedAfter());
        XeroClient client = new XeroClient(http, XeroRetrySettings.paced(), clock, limits, tokens);
        return new ConnectorRuntime(settings, new XeroConnector(client, webhooks, props.xero().batchSize()), cipher, clock);
    }

    /** @param webhookBase the public address of this deployment's webhook endpoints, or null for polling only */
    static ConnectorRuntime scoro(ConnectorSettings settings, SecretCipher cipher, Clock clock,
                                  java.util.function.Supplier<String> webhookBase) {
        ScoroClients clients = ScoroClients.create(ScoroClientSettings.paced(), clock);
        Function<String, String> url = webhookBase == null ? null : connectionId -> {
            String base = webhookBase.get();
            return base == null ? null : scoroWebhookUrl(base, connectionId, cipher);
        };
        return new ConnectorRuntime(settings, new ScoroConnector(clients, url), cipher, clock);
    }

    static String scoroWebhookUrl(String base, String connectionId, SecretCipher cipher) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + "/webhooks/scoro/" + connectionId + "/" + cipher.token(SCORO_WEBHOOK_TOKEN, connectionId);
    }
}
