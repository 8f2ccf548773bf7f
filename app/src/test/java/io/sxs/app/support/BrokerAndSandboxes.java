package io.sxs.app.support;

import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroRateLimits;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.schemas.secret.SecretCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real broker and both sandboxes for one test class, with one credential key. The API limits are lifted because
 * these tests poll every 300 ms to be quick; the limits themselves are proven by the sandbox's and connectors' tests.
 */
public abstract class BrokerAndSandboxes {

    protected static final String KEY = SecretCipher.newBase64Key();
    protected static final SecretCipher CIPHER = SecretCipher.fromBase64("k1", KEY);
    protected static TestBroker.Running broker;
    protected static XeroSandbox xero;
    protected static ScoroSandbox scoro;

    @BeforeAll
    static void startInfrastructure() {
        broker = TestBroker.start();
        xero = XeroSandbox.start(0);
        scoro = ScoroSandbox.start(0);
        xero.rateLimits(XeroRateLimits.unlimited());
        scoro.quotas(ScoroQuotas.unlimited());
    }

    @AfterAll
    static void stopInfrastructure() {
        scoro.close();
        xero.close();
        broker.close();
    }
}
