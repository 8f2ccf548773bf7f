package io.sxs.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer interceptor that notes when a group's consumer first receives records: the start of a timed run, the
 * same for any application without touching its topology, and after its start-up (join, assignment, restoration).
 */
public final class FirstRecordClock implements ConsumerInterceptor<Object, Object> {

    private static final Map<String, Instant> FIRST = new ConcurrentHashMap<>();

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private String group;

    /** When the group's first record arrived (wall and process CPU time), or null when none has since {@link #reset}. */
    public static Instant firstRecord(String group) {
        return FIRST.get(group);
    }

    /** A moment on two clocks: System.nanoTime() and the process's CPU time in nanoseconds. */
    public record Instant(long nanos, long cpuNanos) {
        public static Instant now() {
            return new Instant(System.nanoTime(), PROCESS.getProcessCpuTime());
        }
    }

    public static void reset(String group) {
        FIRST.remove(group);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        group = String.valueOf(configs.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        if (!records.isEmpty()) {
            FIRST.computeIfAbsent(group, g -> Instant.now());
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
