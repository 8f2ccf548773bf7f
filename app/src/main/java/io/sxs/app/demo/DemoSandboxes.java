package io.sxs.app.demo;

import io.sxs.app.config.SxsProperties;
import io.sxs.sandbox.demo.DemoData;
import io.sxs.sandbox.demo.DemoSeedResult;
import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import org.springframework.context.SmartLifecycle;

/** Both sandboxes with the demo data; they start before the pipeline and stop after it. */
public class DemoSandboxes implements SmartLifecycle {

    private final SxsProperties.Demo settings;
    private XeroSandbox xero;
    private ScoroSandbox scoro;
    private DemoSeedResult seed;
    private volatile boolean running;

    public DemoSandboxes(SxsProperties.Demo settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        xero = XeroSandbox.start(settings.xeroPort());
        scoro = ScoroSandbox.start(settings.scoroPort());
        if (settings.limits()) {
            // The APIs' real limits: the pipeline paces itself within them (Scoro's 500 a day by default).
            scoro.quotas(new ScoroQuotas(ScoroQuotas.scoroDefaults().shortLimit(), ScoroQuotas.scoroDefaults().shortWindow(),
                    settings.scoroDailyQuota()));
        } else {
            xero.rateLimits(io.sxs.sandbox.xero.XeroRateLimits.unlimited());
            scoro.quotas(ScoroQuotas.unlimited());
        }
        if (settings.timeRate() != 1.0) {
            xero.clock().runAt(settings.timeRate());
            scoro.clock().runAt(settings.timeRate());
        }
        seed = DemoData.seed(scoro, xero, settings.seed(), settings.contacts(), settings.invoices());
        running = true;
    }

    public XeroSandbox xero() {
        return xero;
    }

    public ScoroSandbox scoro() {
        return scoro;
    }

    public DemoSeedResult seed() {
        return seed;
    }

    @Override
    public void stop() {
        running = false;
        if (scoro != null) {
            scoro.close();
        }
        if (xero != null) {
            xero.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
