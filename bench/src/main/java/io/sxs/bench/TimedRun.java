package io.sxs.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Times a Kafka Streams application over records already in its input topics: from its first record (see
 * {@link FirstRecordClock}, so start-up is not measured) until its committed offsets reach the end of the input,
 * which with exactly-once is when the output is durable. Nothing else reads the input meanwhile: an application
 * that sits paused on unread input busy-polls and would steal a core from the one measured.
 */
public final class TimedRun {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private TimedRun() {
    }

    /** The application's properties with the clock on its main consumer. */
    public static Properties clocked(Properties props) {
        Properties p = new Properties();
        p.putAll(props);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG), FirstRecordClock.class.getName());
        return p;
    }

    /**
     * Wall-clock seconds, CPU seconds of the whole process (broker included) and of the application's stream thread
     * over the same span.
     */
    public record Span(double seconds, double cpuSeconds, double threadCpuSeconds) {
    }

    /** Starts the application (built with {@link #clocked}) and returns its span from first record to committed end. */
    public static Span span(KafkaStreams streams, Cluster cluster, String group, Map<TopicPartition, Long> end) {
        FirstRecordClock.reset(group);
        streams.start();
        cluster.awaitCommitted(group, end, TIMEOUT);
        FirstRecordClock.Moment first = FirstRecordClock.firstRecord(group);
        if (first == null) {
            throw new IllegalStateException(group + " committed its input without receiving a record: is it clocked?");
        }
        FirstRecordClock.Moment finished = first.now();
        return new Span((finished.nanos() - first.nanos()) / 1e9, (finished.cpuNanos() - first.cpuNanos()) / 1e9,
                (finished.threadCpuNanos() - first.threadCpuNanos()) / 1e9);
    }
}
