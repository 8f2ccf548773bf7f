package io.sxs.app.demo;

import io.sxs.app.config.SxsProperties;
import io.sxs.sandbox.core.Snapshots;
import io.sxs.sandbox.demo.DemoData;
import io.sxs.sandbox.demo.DemoSeedResult;
import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Both sandboxes with the demo data; they start before the pipeline and stop after it. Their state is kept in
 * {@code <data-dir>/demo} (saved after seeding, every 30 s and on stop) and restored on the next start, on the same
 * ports, so the pipeline's connections, cursors and ID map (kept by Kafka) still match what the sandboxes hold.
 */
public class DemoSandboxes implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSandboxes.class);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(30);

    /** What the demo needs besides the sandboxes' own state: written last, so its presence means a complete set. */
    private record DemoState(int xeroPort, int scoroPort, DemoSeedResult seed) implements Serializable { }

    private final SxsProperties.Demo settings;
    private final Path dir;
    private XeroSandbox xero;
    private ScoroSandbox scoro;
    private DemoSeedResult seed;
    private boolean restored;
    private java.time.Instant startedAt;
    private ScheduledExecutorService saver;
    private volatile boolean running;

    public DemoSandboxes(SxsProperties.Demo settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    @Override
    public void start() {
        startedAt = java.time.Instant.now();
        Path state = dir.resolve("demo.snapshot");
        if (Files.exists(state)) {
            DemoState saved = readOrExplain(state, DemoState.class);
            xero = readOrExplain(dir.resolve("xero.snapshot"),
                    f -> XeroSandbox.start(settings.xeroPort() == 0 ? saved.xeroPort() : settings.xeroPort(), f));
            scoro = readOrExplain(dir.resolve("scoro.snapshot"),
                    f -> ScoroSandbox.start(settings.scoroPort() == 0 ? saved.scoroPort() : settings.scoroPort(), f));
            seed = saved.seed();
            restored = true;
        } else {
            xero = XeroSandbox.start(settings.xeroPort());
            scoro = ScoroSandbox.start(settings.scoroPort());
        }
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
        if (!restored) {
            seed = DemoData.seed(scoro, xero, settings.seed(), settings.contacts(), settings.invoices());
            save();
        }
        saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sxs-demo-save");
            t.setDaemon(true);
            return t;
        });
        saver.scheduleWithFixedDelay(this::saveQuietly, SAVE_EVERY.toMillis(), SAVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    private <T> T readOrExplain(Path file, Class<T> type) {
        return readOrExplain(file, f -> Snapshots.read(f, type));
    }

    /** A snapshot that cannot be read stops the start: silently seeding afresh would orphan the pipeline's state. */
    private <T> T readOrExplain(Path file, java.util.function.Function<Path, T> reader) {
        try {
            if (!Files.exists(file)) {
                throw new IllegalStateException("cannot read sandbox snapshot " + file + ": it is missing");
            }
            return reader.apply(file);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ". To start the demo afresh, delete the folder " + dir
                    + " (the next start seeds new sandboxes and a new demo connection replaces the old one)", e);
        }
    }

    /** Saves both sandboxes, then the ports and seed; the time it took is logged at debug. */
    public synchronized void save() {
        long t0 = System.nanoTime();
        xero.save(dir.resolve("xero.snapshot"));
        scoro.save(dir.resolve("scoro.snapshot"));
        Snapshots.write(dir.resolve("demo.snapshot"), new DemoState(xero.port(), scoro.port(), seed));
        LOG.debug("Demo sandboxes saved to {} in {} ms", dir, (System.nanoTime() - t0) / 1_000_000);
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            LOG.warn("Demo sandboxes could not be saved to {} (will retry): {}", dir, e.toString());
        }
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

    /** True when this run continues the sandboxes of an earlier one (nothing was seeded). */
    public boolean restored() {
        return restored;
    }

    /** When this run started the sandboxes: before the pipeline, so before any poll of this run. */
    public java.time.Instant startedAt() {
        return startedAt;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void stop() {
        running = false;
        if (saver != null) {
            saver.shutdownNow();
        }
        try {
            if (xero != null && scoro != null) {
                save();
            }
        } finally {
            if (scoro != null) {
                scoro.close();
            }
            if (xero != null) {
                xero.close();
            }
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
