package io.sxs.connector.runtime;

import io.sxs.schemas.envelope.Command;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * The commands of one connection waiting to be written, in arrival order. Batches are cut per batch key (entity and
 * kind of write) however the kinds interleave on the topic, so contact and invoice commands no longer break each
 * other's batches; an item's commands are never reordered (a command whose item already has an earlier command of
 * another kind waiting is held back). A partial batch goes out once no command has joined it for {@code linger}, or
 * when its oldest has waited {@link #MAX_LINGER_FACTOR} times that: commands that arrive in bursts (a mapper
 * releasing fifty invoices over a few commits) fill one request, while a lone edit waits only {@code linger}.
 * Thread-safe: the consumer adds, a worker takes.
 */
final class CommandQueue {

    /** A partial batch waits at most this many lingers after its oldest command arrived. */
    static final int MAX_LINGER_FACTOR = 6;

    /** A consumed command and where it came from (its offset is committed only once its result is published). */
    record Entry(Command command, TopicPartition partition, long offset, Instant arrived) {
    }

    private final LinkedList<Entry> entries = new LinkedList<>();
    /** Commands held by every queue of the runtime, for the sink's back-pressure without visiting each queue. */
    private final java.util.concurrent.atomic.AtomicInteger held;

    CommandQueue() {
        this(new java.util.concurrent.atomic.AtomicInteger());
    }

    CommandQueue(java.util.concurrent.atomic.AtomicInteger held) {
        this.held = held;
    }

    synchronized void add(Entry entry) {
        entries.addLast(entry);
        held.incrementAndGet();
    }

    /** Puts commands that were not attempted back at the front, in their order. */
    synchronized void requeue(List<Entry> notAttempted) {
        for (int i = notAttempted.size() - 1; i >= 0; i--) {
            entries.addFirst(notAttempted.get(i));
        }
        held.addAndGet(notAttempted.size());
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Drops the commands of the given partitions (they will be consumed again by the partitions' new owner). */
    synchronized List<Entry> dropPartitions(Set<TopicPartition> partitions) {
        List<Entry> dropped = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (partitions.contains(e.partition())) {
                dropped.add(e);
                it.remove();
            }
        }
        held.addAndGet(-dropped.size());
        return dropped;
    }

    /** Zero when a batch can go now, else how long until the oldest partial batch has lingered enough. */
    synchronized Duration readyIn(Function<Command, String> batchKey, int maxBatch, Duration linger, Instant now) {
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, List<Entry>> groups = groups(batchKey, maxBatch);
        Duration soonest = null;
        for (List<Entry> group : groups.values()) {
            if (group.size() >= maxBatch) {
                return Duration.ZERO;
            }
            Duration left = lingerLeft(group, linger, now);
            soonest = soonest == null || left.compareTo(soonest) < 0 ? left : soonest;
        }
        return soonest;
    }

    /** How long a partial group still waits: until it has been quiet for linger, or its oldest is too old. */
    private static Duration lingerLeft(List<Entry> group, Duration linger, Instant now) {
        Instant quietAt = group.get(group.size() - 1).arrived().plus(linger);
        Instant latest = group.get(0).arrived().plus(linger.multipliedBy(MAX_LINGER_FACTOR));
        Instant due = quietAt.isBefore(latest) ? quietAt : latest;
        return now.isBefore(due) ? Duration.between(now, due) : Duration.ZERO;
    }

    /**
     * Takes the next batch: a full one if there is one (oldest first), else the batch whose oldest command has
     * lingered enough; null when none is ready.
     */
    synchronized List<Entry> take(Function<Command, String> batchKey, int maxBatch, Duration linger, Instant now) {
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, List<Entry>> groups = groups(batchKey, maxBatch);
        List<Entry> chosen = null;
        for (List<Entry> group : groups.values()) {
            if (group.size() >= maxBatch) {
                chosen = group;
                break;
            }
        }
        if (chosen == null) {
            for (List<Entry> group : groups.values()) {
                boolean due = lingerLeft(group, linger, now).isZero();
                if (due && (chosen == null || group.get(0).arrived().isBefore(chosen.get(0).arrived()))) {
                    chosen = group;
                }
            }
            if (chosen == null) {
                return null;
            }
        }
        Set<Entry> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        taken.addAll(chosen);
        entries.removeIf(taken::contains);
        held.addAndGet(-chosen.size());
        return chosen;
    }

    /** Eligible commands by batch key, in arrival order of each group's first command, each group at most maxBatch. */
    private Map<String, List<Entry>> groups(Function<Command, String> batchKey, int maxBatch) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        Map<String, String> itemKind = new HashMap<>();
        Set<String> held = new HashSet<>();
        for (Entry e : entries) {
            String item = itemKey(e.command());
            String kind = batchKey.apply(e.command());
            String first = itemKind.putIfAbsent(item, kind);
            if (held.contains(item) || (first != null && !first.equals(kind))) {
                held.add(item); // an earlier command of this item is of another kind: keep the item's order
                continue;
            }
            List<Entry> group = groups.computeIfAbsent(kind, k -> new ArrayList<>());
            if (group.size() < maxBatch) {
                if (first != null && group.stream().anyMatch(g -> itemKey(g.command()).equals(item))) {
                    held.add(item); // one command per item and batch
                    continue;
                }
                group.add(e);
            }
        }
        return groups;
    }

    private static String itemKey(Command command) {
        return command.getTargetId() != null ? "t:" + command.getTargetId()
                : "s:" + command.getSourceSystem() + ":" + command.getSourceId();
    }
}
