package io.sxs.connector.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of workers shared by every connection of one connector, whatever their number. Each connection runs
 * at most one step at a time, connections take turns (first ready, first served), and a connection whose jobs must
 * wait (budget, linger, next poll) sits in a timer queue without holding a thread. So a slow or throttled
 * organisation costs at most one worker while its call is in flight and never delays another connection's turn.
 * Due times are on the APIs' clock (a test clock, pinned or running fast, moves them); a parked connection is looked
 * at again after {@link #MAX_PARK} of real time at the latest, so a job that waits for something measured in real
 * time (a linger) or a clock that stands still never strands it.
 */
public final class ConnectionScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionScheduler.class);
    private static final Duration FAILED_STEP_BACKOFF = Duration.ofSeconds(1);
    /** The longest (real time) a parked connection waits before its jobs are asked again. */
    static final Duration MAX_PARK = Duration.ofSeconds(5);
    private static final ThreadLocal<Integer> WORKER = new ThreadLocal<>();

    private final String name;
    private final Clock clock;
    private final Duration tick;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition stepped = lock.newCondition();
    private final Map<String, Slot> slots = new HashMap<>();
    private final ArrayDeque<Slot> ready = new ArrayDeque<>();
    /** Parked slots by wake time; an entry whose slot was woken or parked again since is stale and skipped. */
    private final PriorityQueue<Timer> timed = new PriorityQueue<>(Comparator.comparing(Timer::at));
    /** The same timers by their real-time cap. */
    private final PriorityQueue<Timer> deadlines = new PriorityQueue<>(Comparator.comparingLong(Timer::deadline));
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;
    private long steps;

    public ConnectionScheduler(String name, int workerCount, Clock clock, Duration tick) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.name = name;
        this.clock = clock;
        this.tick = tick;
        for (int i = 0; i < workerCount; i++) {
            int index = i;
            Thread t = new Thread(() -> work(index), name + "-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
    }

    public void start() {
        workers.forEach(Thread::start);
    }

    /** The index of the calling worker thread (0-based), or -1 when not called from a worker. */
    public static int workerIndex() {
        Integer i = WORKER.get();
        return i == null ? -1 : i;
    }

    /** Workers whose thread is alive (all of them, unless one died of an error it could not handle). */
    public long aliveWorkers() {
        return workers.stream().filter(Thread::isAlive).count();
    }

    public int workerCount() {
        return workers.size();
    }

    /** Adds a job to a connection (creating its slot); it is looked at right away. */
    public void add(String connectionId, Job job) {
        lock.lock();
        try {
            Slot slot = slots.computeIfAbsent(connectionId, Slot::new);
            slot.jobs.add(job);
            makeReady(slot);
        } finally {
            lock.unlock();
        }
    }

    /** Drops a connection's jobs; a step in progress finishes first, then its slot is gone. */
    public void remove(String connectionId) {
        lock.lock();
        try {
            Slot slot = slots.remove(connectionId);
            if (slot != null) {
                slot.removed = true;
                slot.jobs.clear();
                slot.parks++;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops a connection's jobs and waits (up to {@code timeout}) for a step in progress to end, so that nothing more
     * is done for it here once this returns true.
     */
    public boolean removeAndAwait(String connectionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            Slot slot = slots.get(connectionId);
            remove(connectionId);
            while (slot != null && slot.running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                stepped.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    public boolean has(String connectionId) {
        lock.lock();
        try {
            return slots.containsKey(connectionId);
        } finally {
            lock.unlock();
        }
    }

    /** Something a connection's jobs wait for has happened (e.g. commands arrived): look at it now. */
    public void wake(String connectionId) {
        lock.lock();
        try {
            Slot slot = slots.get(connectionId);
            if (slot != null) {
                makeReady(slot);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Steps run so far (for tests and metrics). */
    public long steps() {
        lock.lock();
        try {
            return steps;
        } finally {
            lock.unlock();
        }
    }

    public int connections() {
        lock.lock();
        try {
            return slots.size();
        } finally {
            lock.unlock();
        }
    }

    private void makeReady(Slot slot) {
        if (slot.running || slot.queued) {
            return; // a running slot is looked at again right after its step
        }
        slot.parks++;
        slot.queued = true;
        ready.addLast(slot);
        changed.signal();
    }

    private void work(int index) {
        WORKER.set(index);
        while (running) {
            Slot slot;
            Job job;
            lock.lock();
            try {
                Selection selection = next();
                if (selection == null) {
                    return;
                }
                slot = selection.slot;
                job = selection.job;
            } finally {
                lock.unlock();
            }
            boolean keep = true;
            boolean failed = false;
            try {
                keep = job.step();
            } catch (RuntimeException | Error e) {
                failed = true;
                log.error("{}: a step of {} for connection {} failed; retrying in {}", name, job, slot.id,
                        FAILED_STEP_BACKOFF, e);
            }
            lock.lock();
            try {
                steps++;
                slot.running = false;
                stepped.signalAll();
                if (!keep) {
                    slot.jobs.remove(job);
                } else if (slot.jobs.remove(job)) {
                    slot.jobs.add(job); // jobs of the same lane take turns
                }
                if (slot.removed || slot.jobs.isEmpty()) {
                    continue;
                }
                if (failed) {
                    park(slot, clock.instant().plus(FAILED_STEP_BACKOFF));
                } else {
                    slot.queued = true;
                    ready.addLast(slot);
                    changed.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits for a connection with a runnable job; null when the scheduler is closing. Called with the lock held. */
    private Selection next() {
        while (running) {
            Instant now = clock.instant();
            long realNow = System.nanoTime();
            while (!timed.isEmpty() && (timed.peek().stale() || timed.peek().due(now, realNow))) {
                Timer due = timed.poll();
                if (!due.stale()) {
                    due.slot().parks++; // its real-time cap is stale from now on
                    due.slot().queued = true;
                    ready.addLast(due.slot());
                }
            }
            promoteOverdue(realNow);
            Slot slot = ready.pollFirst();
            if (slot != null) {
                slot.queued = false;
                if (slot.removed || slot.running || slot.jobs.isEmpty()) {
                    continue;
                }
                Job best = null;
                Duration soonest = null;
                for (Job job : slot.jobs) {
                    Duration delay = delayOf(job);
                    if (delay.isZero() || delay.isNegative()) {
                        if (best == null || job.lane().ordinal() < best.lane().ordinal()) {
                            best = job;
                        }
                    } else if (soonest == null || delay.compareTo(soonest) < 0) {
                        soonest = delay;
                    }
                }
                if (best != null) {
                    slot.running = true;
                    return new Selection(slot, best);
                }
                park(slot, now.plus(soonest));
                continue;
            }
            long waitNanos = tick.toNanos();
            if (!timed.isEmpty()) {
                waitNanos = Math.min(waitNanos, Duration.between(now, timed.peek().at()).toNanos());
            }
            if (!deadlines.isEmpty()) {
                waitNanos = Math.min(waitNanos, deadlines.peek().deadline() - realNow);
            }
            try {
                changed.awaitNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), waitNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private Duration delayOf(Job job) {
        try {
            Duration d = job.delay();
            return d == null ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            log.error("{}: {} could not tell when it is due", name, job, e);
            return FAILED_STEP_BACKOFF;
        }
    }

    private void park(Slot slot, Instant at) {
        slot.parks++;
        Timer timer = new Timer(at, System.nanoTime() + MAX_PARK.toNanos(), slot, slot.parks);
        timed.add(timer);
        deadlines.add(timer);
        changed.signal();
    }

    /** Parked slots whose real-time cap has passed go back to the ready queue, whatever their clock says. */
    private void promoteOverdue(long realNow) {
        while (!deadlines.isEmpty() && (deadlines.peek().stale() || deadlines.peek().deadline() <= realNow)) {
            Timer overdue = deadlines.poll();
            if (!overdue.stale()) {
                overdue.slot().parks++; // its entry in the clock queue is stale from now on
                overdue.slot().queued = true;
                ready.addLast(overdue.slot());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            long deadline = System.nanoTime() + 3_000_000_000L;
            for (Thread t : workers) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            // A step still running waits on an API call: interrupt it (the call fails retryable and is not lost).
            for (Thread t : workers) {
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(5_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Selection(Slot slot, Job job) {
    }

    private record Timer(Instant at, long deadline, Slot slot, long park) {
        boolean stale() {
            return slot.removed || slot.parks != park;
        }

        boolean due(Instant now, long realNow) {
            return !at.isAfter(now) || deadline <= realNow;
        }
    }

    private static final class Slot {
        final String id;
        final List<Job> jobs = new ArrayList<>();
        boolean running;
        boolean queued;
        boolean removed;
        /** Counts parks and wake-ups, so that a timer set before the latest one is recognised as stale. */
        long parks;

        Slot(String id) {
            this.id = id;
        }
    }
}
