package io.sxs.sandbox.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Per-tenant API call counts keyed by operation, so tests and benchmarks can count calls spent. */
public final class CallCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder writes = new LongAdder();

    public void record(String operation, boolean write) {
        counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (write) {
            writes.increment();
        }
    }

    public long writes() {
        return writes.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
