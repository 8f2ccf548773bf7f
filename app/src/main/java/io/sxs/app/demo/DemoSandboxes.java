package io.sxs.app.demo;

import io.sxs.app.config.SxsProperties;
import io.sxs.sandbox.demo.DemoData;
import io.sxs.sandbox.demo.DemoSeedResult;
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
