package io.sxs.app.chaos;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults of a run, in every company and tenant: 10% of calls answered 500/503 before processing, 2% of writes
 * committed with their reply lost, 3% of replies slow, and now and then a burst of 429s on one system of one
 * connection (by a background thread, while the run is on).
 */
final class FaultInjection implements AutoCloseable {

    static final double SERVER_ERRORS = 0.10;
    static final double LOST_REPLIES = 0.02;
    static final double SLOW = 0.03;
    static final int SLOW_MILLIS = 1_500;
    static final int BURST = 5;

    private final SandboxProcess sandboxes;
    private final List<SeededConnection> connections;
    private final Random random;
    private final Thread bursts;
    private volatile boolean on;
    private int burstsSent;

    FaultInjection(SandboxProcess sandboxes, List<SeededConnection> connections, long seed) {
        this.sandboxes = sandboxes;
        this.connections = connections;
        this.random = new Random(seed);
        this.bursts = new Thread(this::burstNowAndThen, "chaos-429-bursts");
        bursts.setDaemon(true);
    }

    void start() {
        on = true;
        for (SeededConnection c : connections) {
            sandboxes.faults(c.company, c.tenant, Map.of("seed", random.nextLong(), "serverErrorRate", SERVER_ERRORS,
                    "lostReplyRate", LOST_REPLIES, "slowMillis", SLOW_MILLIS, "slowRate", SLOW));
        }
        bursts.start();
    }

    private void burstNowAndThen() {
        try {
            while (on) {
                Thread.sleep(5_000 + random.nextInt(10_000));
                if (!on) {
                    return;
                }
                SeededConnection c = connections.get(random.nextInt(connections.size()));
                Map<String, Integer> burst = Map.of("throttleNext", BURST, "throttleRetryAfterSeconds", 1);
                if (random.nextBoolean()) {
                    sandboxes.scoro("POST", "/companies/" + c.company + "/faults", burst);
                } else {
                    sandboxes.xero("POST", "/tenants/" + c.tenant + "/faults", burst);
                }
                synchronized (this) {
                    burstsSent++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("429 bursts stopped: " + e.getMessage());
        }
    }

    synchronized int burstsSent() {
        return burstsSent;
    }

    /** Switches every fault off; returns how many calls were hit in all (the sandboxes' counters). */
    long stop() throws InterruptedException {
        on = false;
        bursts.interrupt();
        bursts.join(10_000);
        long injected = 0;
        for (SeededConnection c : connections) {
            injected += sandboxes.clearFaults(c.company, c.tenant);
        }
        return injected;
    }

    @Override
    public void close() throws InterruptedException {
        if (on) {
            stop();
        }
    }
}
