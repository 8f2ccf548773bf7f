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

    /**
     * Mean calls per minute over the whole minutes from the first sample at which the counter moved to the last one
     * (partial minutes left out: a sliding limit of 60 lets a stretch shorter than a minute look faster than 60).
     */
    public double callsPerFullMinuteWhileMoving() {
        synchronized (samples) {
            int first = -1;
            int last = -1;
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).calls > samples.get(i - 1).calls) {
                    first = first < 0 ? i - 1 : first;
                    last = i;
                }
            }
            if (first < 0) {
                return 0;
            }
            long minuteNanos = 60_000_000_000L;
            long minutes = (samples.get(last).atNanos - samples.get(first).atNanos) / minuteNanos;
            if (minutes == 0) {
                return samples.get(last).calls - samples.get(first).calls;
            }
            long end = samples.get(first).atNanos + minutes * minuteNanos;
            Sample at = samples.get(first);
            for (int i = first; i <= last && samples.get(i).atNanos <= end; i++) {
                at = samples.get(i);
            }
            return (at.calls - samples.get(first).calls) / (double) minutes;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
