package io.sxs.bench.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Samples a call counter once a second, to find the busiest minute and the rate while work was queued. */
public final class CallSampler implements AutoCloseable {

    private record Sample(long atNanos, long calls) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public CallSampler(LongSupplier counter) {
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    long calls = counter.getAsLong();
                    synchronized (samples) {
                        samples.add(new Sample(System.nanoTime(), calls));
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the sandbox is not up yet, or already gone
                }
            }
        }, "bench-call-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Most calls counted within any window of the given length. */
    public long busiest(Duration window) {
        synchronized (samples) {
            long best = 0;
            int j = 0;
            for (int i = 0; i < samples.size(); i++) {
                while (samples.get(i).atNanos - samples.get(j).atNanos > window.toNanos()) {
                    j++;
                }
                best = Math.max(best, samples.get(i).calls - samples.get(j).calls);
            }
            return best;
        }
    }

    /** Calls per minute between the first and the last sample at which the counter moved. */
    public double ratePerMinuteWhileMoving() {
        synchronized (samples) {
            Sample first = null;
            Sample last = null;
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).calls > samples.get(i - 1).calls) {
                    first = first == null ? samples.get(i - 1) : first;
                    last = samples.get(i);
                }
            }
            if (first == null || last.atNanos == first.atNanos) {
                return 0;
            }
            return (last.calls - first.calls) * 60e9 / (last.atNanos - first.atNanos);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
