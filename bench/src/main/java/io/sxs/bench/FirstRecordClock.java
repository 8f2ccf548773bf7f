package io.sxs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    private static final Map<String, Moment> FIRST = new ConcurrentHashMap<>();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private String group;

    /** When the group's first record arrived, or null when none has since {@link #reset}. */
    public static Moment firstRecord(String group) {
        return FIRST.get(group);
    }

    /**
     * A moment on three clocks, in nanoseconds: System.nanoTime(), the process's CPU time, and the CPU time of the
     * thread that received the first record (the application's stream thread). The thread's CPU time is the one
     * figure that other load on the machine hardly moves.
     */
    public record Moment(long nanos, long cpuNanos, long threadId, long threadCpuNanos) {
        static Moment first() {
            return new Moment(System.nanoTime(), PROCESS.getProcessCpuTime(), Thread.currentThread().getId(),
                    THREADS.getCurrentThreadCpuTime());
        }

        /** The same clocks now; the thread's CPU time is read while it lives (-1 once it has ended). */
        public Moment now() {
            return new Moment(System.nanoTime(), PROCESS.getProcessCpuTime(), threadId, THREADS.getThreadCpuTime(threadId));
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
            FIRST.computeIfAbsent(group, g -> Moment.first());
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
